package io.github.uc15mail.outbox;

import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.SmsDraft;
import io.github.uc15mail.at.AtSession.Subscription;
import io.github.uc15mail.outbox.internal.DraftCodec;
import io.github.uc15mail.outbox.internal.Migrations;
import io.github.uc15mail.outbox.internal.Store;
import io.github.uc15mail.outbox.internal.StoreDamage;
import io.github.uc15mail.outbox.internal.StoreLocation;
import io.reactivex.rxjava3.core.BackpressureStrategy;
import io.reactivex.rxjava3.core.Flowable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable queue of email for UC15 modems: {@link #enqueue} stores a message, a {@link Dispatcher} sends
 * it through one of several modems, and every attempt is kept.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>{@link #enqueue} returns an id only after the message, attachments included, is committed with the
 *       store's durability (SQLite: WAL with {@code synchronous=FULL}; PostgreSQL: a synchronous commit).
 *       If the store cannot be reached it throws {@link OutboxException} at once; it never returns an id
 *       for a message that is not stored. Concurrent producers share commits (group commit).</li>
 *   <li>A draft the modem could never carry is refused at enqueue, with the same violations a send
 *       reports ({@link io.github.uc15mail.error.InvalidDraftException}).</li>
 *   <li><b>At most once, or flagged:</b> a gateway records durably that {@code AT+QSMTPPUT} is about to be
 *       written before it writes it. A message whose gateway died before that point is sent again; one
 *       whose gateway died after it, or whose send ended without a result, becomes {@link MessageState#UNKNOWN}
 *       and is never sent again automatically (the server may have it). A message marked
 *       {@link MessageState#SENT} was accepted once by the server.</li>
 * </ul>
 *
 * <h2>What it does not guarantee</h2>
 * That a message is delivered at all (a message can end FAILED or UNKNOWN), nor that UNKNOWN mail was not
 * delivered: only an operator (or a {@link DispatcherOptions#atLeastOnce() at-least-once} policy) sends it
 * again, and then it may arrive twice. Listeners see the changes made through this instance only (in this
 * process), not those of other gateways on a shared database. Passwords are never stored in tables or
 * written to logs.
 *
 * <p>Thread-safe. Choose the store by URL: {@code sqlite:PATH} (one host) or
 * {@code jdbc:postgresql://HOST:PORT/DB} (several gateways; add {@code org.postgresql:postgresql} and
 * {@code org.flywaydb:flyway-database-postgresql} to your dependencies).
 */
public final class Outbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    /**
     * How long an enqueue waits for the writer to take its work; once taken, it waits for the commit's
     * outcome. Above SQLite's busy timeout ({@code StoreLocation.BUSY_TIMEOUT_MILLIS}) so a locked file fails
     * the batch before its callers give up.
     */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final Store store;
    private final Clock clock;
    private final CopyOnWriteArrayList<Consumer<StateChange>> listeners = new CopyOnWriteArrayList<>();

    private Outbox(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Opens (and creates or migrates) the store at {@code storeUrl}, without credentials. */
    public static Outbox open(String storeUrl) {
        return open(storeUrl, null, null);
    }

    /**
     * Opens the store at {@code storeUrl} as {@code user} with {@code password} (both may be null; SQLite
     * ignores them). The schema is created or migrated first.
     *
     * @throws IllegalArgumentException for a URL that names no supported store
     * @throws StoreDamagedException when SQLite's {@code PRAGMA quick_check} finds damage (the message names
     *     it and the recovery)
     * @throws OutboxException when the store cannot be reached or migrated
     */
    public static Outbox open(String storeUrl, String user, String password) {
        return open(storeUrl, user, password, Clock.systemUTC());
    }

    /**
     * As {@link #open(String, String, String)}, with the clock this host reads. On SQLite it is the store's
     * clock (one host decides). On PostgreSQL it only stamps the changes listeners see and times the
     * modems' set-aside: every lease, back-off, not-before and expiry is compared with the database's clock,
     * so a host whose clock is off never takes a live lease.
     */
    public static Outbox open(String storeUrl, String user, String password, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        StoreLocation location = StoreLocation.parse(storeUrl, user, password);
        StoreDamage.quickCheck(location);
        Migrations.migrate(location);
        log.info("outbox store {} ready", location);
        return new Outbox(new Store(location, WRITE_TIMEOUT, clock), clock);
    }

    /**
     * The damage seen in the store since it was opened ({@code SQLITE_CORRUPT}, {@code SQLITE_NOTADB}, or a
     * PostgreSQL data corruption error), or empty. Once seen, enqueue throws {@link StoreDamagedException} and
     * the dispatcher's lanes stop claiming, until the store is recovered and opened again.
     */
    public Optional<String> storeDamage() {
        return store.damage().found();
    }

    /** Enqueues {@code draft} with the default options. */
    public MessageId enqueue(EmailDraft draft) {
        return enqueue(draft, EnqueueOptions.defaults());
    }

    /** Builds {@code draft} (refusing it with every violation, as a send would) and enqueues it. */
    public MessageId enqueue(EmailDraft.Builder draft) {
        return enqueue(draft.build(), EnqueueOptions.defaults());
    }

    /**
     * Stores {@code draft} and returns its id once it is durable. With an idempotency key already in the
     * store, returns that message's id and stores nothing.
     *
     * @throws IllegalArgumentException when the draft cannot be stored as it would be sent
     * @throws OutboxException when the store cannot be reached or did not commit in time (nothing stored)
     */
    public MessageId enqueue(EmailDraft draft, EnqueueOptions options) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(options, "options");
        DraftCodec.StoredDraft stored = DraftCodec.encode(draft);
        Optional<String> damage = store.damage().found();
        if (damage.isPresent()) {
            throw store.damage().damaged(damage.get(), null);
        }
        Instant now = clock.instant();
        Map.Entry<MessageId, Boolean> r = store.insert(MessageId.random(), stored, options);
        if (r.getValue()) {
            publish(new StateChange(r.getKey(), null, MessageState.QUEUED, now, "enqueued"));
        }
        return r.getKey();
    }

    /** Enqueues {@code sms} with the default options. */
    public MessageId enqueueSms(SmsDraft sms) {
        return enqueueSms(sms, EnqueueOptions.defaults(), null);
    }

    /**
     * Stores {@code sms} (channel {@code sms}) and returns its id once it is durable, with the same states, retries
     * and crash rule as mail: the submit mark is committed before its first part's {@code AT+CMGS}; a gateway that
     * dies after it leaves the message {@link MessageState#UNKNOWN}, never sent again automatically (the phone may
     * show some or all of its parts). {@code linkedTo} (may be null) names the message it is about.
     *
     * @throws OutboxException when the store cannot be reached or did not commit in time (nothing stored)
     */
    public MessageId enqueueSms(SmsDraft sms, EnqueueOptions options, MessageId linkedTo) {
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(options, "options");
        DraftCodec.StoredDraft stored = DraftCodec.encodeSms(sms, linkedTo == null ? null : linkedTo.value());
        Instant now = clock.instant();
        Map.Entry<MessageId, Boolean> r = store.insert(MessageId.random(), stored, options);
        if (r.getValue()) {
            publish(new StateChange(r.getKey(), null, MessageState.QUEUED, now, "enqueued (SMS)"));
        }
        return r.getKey();
    }

    public Optional<OutboxMessage> find(MessageId id) {
        return store.find(id);
    }

    /** The names and sizes of the message's attachments, in their order (empty for none or an unknown id). */
    public List<StoredAttachment> attachments(MessageId id) {
        return store.attachments(id);
    }

    /** The message's attempts, oldest first (empty for an unknown id). */
    public List<Attempt> attempts(MessageId id) {
        return store.attempts(id);
    }

    /** Up to {@code limit} messages in {@code stateOrNull} (all states when null), newest first. */
    public List<OutboxMessage> list(MessageState stateOrNull, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: must be at least 1, was " + limit);
        }
        return store.list(stateOrNull, limit);
    }

    /** How many messages are in each state (every state present, 0 when none). */
    public Map<MessageState, Long> counts() {
        return store.counts();
    }

    /**
     * Puts a FAILED or UNKNOWN message back in the queue, to be sent as soon as a modem is free, with a
     * fresh attempt budget. Retrying an UNKNOWN message may deliver it twice. False when the message is
     * not in one of those states.
     */
    public boolean retry(MessageId id) {
        return move(id, List.of(MessageState.FAILED, MessageState.UNKNOWN), MessageState.QUEUED, "retried by operator");
    }

    /** Cancels a message that is QUEUED, FAILED or UNKNOWN; false otherwise (a send in progress runs on). */
    public boolean cancel(MessageId id) {
        return move(id, List.of(MessageState.QUEUED, MessageState.FAILED, MessageState.UNKNOWN), MessageState.CANCELLED,
                "cancelled by operator");
    }

    private boolean move(MessageId id, List<MessageState> from, MessageState to, String note) {
        Instant now = clock.instant();
        Optional<MessageState> before = store.move(id, from, to, note);
        before.ifPresent(b -> publish(new StateChange(id, b, to, now, note)));
        return before.isPresent();
    }

    /** Deletes SENT messages whose last change is older than {@code before}; returns how many. */
    public int purgeSent(Instant before) {
        return purge(java.util.EnumSet.of(MessageState.SENT), before);
    }

    /**
     * Deletes the messages in {@code states} (and their attachments and attempts) whose last change is older than
     * {@code before}; returns how many. Only final states may be purged: SENT, FAILED and CANCELLED.
     *
     * @throws IllegalArgumentException for an empty set or a state that is not final (QUEUED, SENDING, UNKNOWN)
     */
    public int purge(java.util.Set<MessageState> states, Instant before) {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("states: must name at least 1 of SENT, FAILED, CANCELLED, was none");
        }
        for (MessageState state : states) {
            if (state != MessageState.SENT && state != MessageState.FAILED && state != MessageState.CANCELLED) {
                throw new IllegalArgumentException("state: must be SENT, FAILED or CANCELLED, was " + state);
            }
        }
        return store.purge(states.stream().map(Enum::name).sorted().toList(), before.toEpochMilli());
    }

    /** Calls {@code listener} for every state change made through this instance, on the thread that made it. */
    public Subscription addListener(Consumer<StateChange> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** The state changes made through this instance, as a stream (buffered for slow subscribers). */
    public Flowable<StateChange> changes() {
        return Flowable.create(emitter -> {
            Subscription s = addListener(emitter::onNext);
            emitter.setCancellable(s::cancel);
        }, BackpressureStrategy.BUFFER);
    }

    /** Where the store is (no secrets). */
    public String storeDescription() {
        return store.location().toString();
    }

    /** Internal: the store, for the dispatcher. */
    Store store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    void publish(StateChange change) {
        for (Consumer<StateChange> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                log.warn("an outbox listener failed on {}", change, e);
            }
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
