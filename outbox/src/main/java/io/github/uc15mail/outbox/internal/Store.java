package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.outbox.Attempt;
import io.github.uc15mail.outbox.EnqueueOptions;
import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox's SQL, the same for SQLite and PostgreSQL except for the claim (PostgreSQL skips rows other
 * gateways hold locked). Writes go through the {@link GroupWriter}, reads through the {@link ReadPool},
 * lease renewals through {@link Heartbeats} (a connection of their own). Times are epoch milliseconds and
 * every comparison of them is made in SQL against {@link StoreTime#NOW} (the database's clock on
 * PostgreSQL), never against a host's clock. The reads are in {@link StoreQueries}.
 */
public final class Store implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Store.class);

    /** A message a gateway has just claimed. */
    public record Claim(MessageId id, int attempt, int priorAttempts, Long expiresAt) {}

    /**
     * What an attempt ended with, and where the message goes. A message going back to QUEUED is due
     * {@code retryDelayMillis} after the store's now; if it expires before then it becomes FAILED instead.
     * {@code refund} gives the attempt back to the message's budget (a fault that was not the message's).
     */
    public record Finish(MessageState state, String outcome, long retryDelayMillis, int errorCode, String errorMeaning,
            int smtpReply, String error, String phaseTimes, String fault, boolean refund) {

        public Finish(MessageState state, String outcome, long retryDelayMillis, int errorCode, String errorMeaning,
                int smtpReply, String error, String phaseTimes) {
            this(state, outcome, retryDelayMillis, errorCode, errorMeaning, smtpReply, error, phaseTimes, null, false);
        }
    }

    /** The state a finished attempt found the message in, and the one it left it in. */
    public record Ended(MessageState before, MessageState after) {}

    /** A message whose state a sweep changed. */
    public record Moved(MessageId id, MessageState from, MessageState to, String detail) {}

    private final StoreLocation location;
    private final StoreDamage damage;
    private final GroupWriter writer;
    private final ReadPool reads;
    private final StoreQueries queries;
    private final Heartbeats heartbeats;
    private final String claimSql;
    private static final String NOW = StoreTime.NOW;

    public Store(StoreLocation location, Duration writeTimeout) {
        this(location, writeTimeout, java.time.Clock.systemUTC());
    }

    /** A store whose time, on SQLite, is {@code clock}'s (on PostgreSQL it is always the database's). */
    public Store(StoreLocation location, Duration writeTimeout, java.time.Clock clock) {
        this.location = location;
        this.damage = new StoreDamage(location.toString());
        Connector connector = StoreTime.connector(location, clock);
        this.writer = new GroupWriter(connector, location.toString(), writeTimeout, damage);
        this.reads = new ReadPool(connector, location.toString(), 4, damage);
        this.heartbeats = new Heartbeats(connector, location.toString());
        this.queries = new StoreQueries(reads);
        String pick = "SELECT seq FROM outbox_message WHERE state = 'QUEUED' AND next_attempt_at <= " + NOW
                + " ORDER BY priority DESC, seq LIMIT 1";
        if (location.dialect() == StoreLocation.Dialect.POSTGRESQL) {
            pick += " FOR UPDATE SKIP LOCKED";
        }
        this.claimSql = "UPDATE outbox_message SET state = 'SENDING', lease_owner = ?, lease_until = " + NOW + " + ?, "
                + "attempts = attempts + 1, submitting = 0, updated_at = " + NOW + " WHERE seq = (" + pick + ") "
                + "RETURNING id, attempts, attempts_base, expires_at";
    }

    /** The store's current time (the database's clock on PostgreSQL). */
    public long now() {
        return reads.read(StoreTime::now);
    }

    public StoreLocation location() {
        return location;
    }

    /** Whether damage was seen in this store (it stops intake and the lanes). */
    public StoreDamage damage() {
        return damage;
    }

    /**
     * Stores a message, or finds the one with the same idempotency key stored within the key's window;
     * true in the pair when it is new. Race-free: the insert skips a conflicting key ({@code ON CONFLICT DO
     * NOTHING}, which on PostgreSQL waits for a concurrent insert of the same key to commit) and the row
     * is then read, so concurrent identical keys give one row and every caller its id. A key older than
     * the window is released first (the old message keeps no key).
     */
    public Map.Entry<MessageId, Boolean> insert(MessageId id, DraftCodec.StoredDraft d, EnqueueOptions o) {
        return writer.write(c -> {
            String key = o.idempotencyKey();
            if (key != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET idempotency_key = NULL "
                        + "WHERE idempotency_key = ? AND created_at < " + NOW + " - ?")) {
                    ps.setString(1, key);
                    ps.setLong(2, o.idempotencyWindowOrDefault().toMillis());
                    ps.executeUpdate();
                }
            }
            int inserted;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (id, state, priority, created_at, "
                    + "updated_at, next_attempt_at, expires_at, idempotency_key, subject, recipients, charset, body, "
                    + "channel, sms_max_parts, linked_to, sender_name) "
                    + "VALUES (?, 'QUEUED', ?, " + NOW + ", " + NOW + ", COALESCE(?, " + NOW + "), ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?) "
                    + "ON CONFLICT (idempotency_key) DO NOTHING")) {
                ps.setString(1, id.value());
                ps.setInt(2, o.priority());
                setLong(ps, 3, o.notBefore() == null ? null : o.notBefore().toEpochMilli());
                setLong(ps, 4, o.expiresAt() == null ? null : o.expiresAt().toEpochMilli());
                ps.setString(5, key);
                ps.setString(6, d.subject());
                ps.setString(7, d.recipients());
                ps.setString(8, d.charset());
                ps.setBytes(9, d.body());
                ps.setString(10, d.channel());
                if (d.smsMaxParts() == null) {
                    ps.setNull(11, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(11, d.smsMaxParts());
                }
                ps.setString(12, d.linkedTo());
                ps.setString(13, d.senderName());
                inserted = ps.executeUpdate();
            }
            if (inserted == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM outbox_message WHERE idempotency_key = ?")) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new SQLException("idempotency key conflict but no row holds the key");
                        }
                        return Map.entry(new MessageId(rs.getString(1)), false);
                    }
                }
            }
            if (!d.attachments().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO outbox_attachment (message_id, idx, name, data) VALUES (?, ?, ?, ?)")) {
                    int i = 0;
                    for (DraftCodec.StoredAttachment a : d.attachments()) {
                        ps.setString(1, id.value());
                        ps.setInt(2, i++);
                        ps.setString(3, a.name());
                        ps.setBytes(4, a.data());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return Map.entry(id, true);
        });
    }

    /**
     * Claims the next message due (priority, then age) for {@code owner} (node name and instance id) with a
     * lease of {@code leaseMillis} from the store's now, and opens its attempt row.
     */
    public Optional<Claim> claim(String owner, String node, String modem, long leaseMillis) {
        return writer.write(c -> {
            Claim claim;
            try (PreparedStatement ps = c.prepareStatement(claimSql)) {
                ps.setString(1, owner);
                ps.setLong(2, leaseMillis);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String id = rs.getString(1);
                    int attempts = rs.getInt(2);
                    int base = rs.getInt(3);
                    long exp = rs.getLong(4);
                    Long expiresAt = rs.wasNull() ? null : exp;
                    claim = new Claim(new MessageId(id), attempts, attempts - base, expiresAt);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_attempt (message_id, number, started_at, "
                    + "node, modem) VALUES (?, ?, " + NOW + ", ?, ?)")) {
                ps.setString(1, claim.id().value());
                ps.setInt(2, claim.attempt());
                ps.setString(3, node);
                ps.setString(4, modem);
                ps.executeUpdate();
            }
            return Optional.of(claim);
        });
    }

    /** The stored draft of a message. */
    /** The names and sizes of a message's attachments, in their order. */
    public List<io.github.uc15mail.outbox.StoredAttachment> attachments(MessageId id) {
        return queries.attachments(id);
    }

    public Optional<DraftCodec.StoredDraft> content(MessageId id) {
        return queries.content(id);
    }

    public Optional<OutboxMessage> find(MessageId id) {
        return queries.find(id);
    }

    public List<OutboxMessage> list(MessageState state, int limit) {
        return queries.list(state, limit);
    }

    public List<Attempt> attempts(MessageId id) {
        return queries.attempts(id);
    }

    public Map<MessageState, Long> counts() {
        return queries.counts();
    }

    /**
     * Records, durably, that {@code AT+QSMTPPUT} is about to be written for this attempt. False when the
     * lease was lost (another gateway reclaimed the message, or it ran out by the store's clock): the send
     * must not go ahead.
     */
    public boolean markSubmitting(MessageId id, String owner, int attempt) {
        return writer.write(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET submitting = 1, updated_at = "
                    + NOW + " WHERE id = ? AND state = 'SENDING' AND lease_owner = ? AND attempts = ? AND lease_until > "
                    + NOW)) {
                ps.setString(1, id.value());
                ps.setString(2, owner);
                ps.setInt(3, attempt);
                n = ps.executeUpdate();
            }
            if (n == 1) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE outbox_attempt SET submitted = 1 WHERE message_id = ? AND number = ?")) {
                    ps.setString(1, id.value());
                    ps.setInt(2, attempt);
                    ps.executeUpdate();
                }
            }
            return n == 1;
        });
    }

    /**
     * Ends an attempt. Applies only while the message is still this attempt's (SENDING, or UNKNOWN after
     * its lease was reclaimed); returns the state it had and the one it got, or empty when it had moved on.
     */
    public Optional<Ended> finish(MessageId id, int attempt, Finish f) {
        return writer.write(c -> {
            MessageState before;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state FROM outbox_message WHERE id = ? AND attempts = ? AND state IN ('SENDING', 'UNKNOWN')")) {
                ps.setString(1, id.value());
                ps.setInt(2, attempt);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    before = MessageState.valueOf(rs.getString(1));
                }
            }
            // A retry that would fall due after the message's expiry fails it now, by the store's clock.
            String expires = "(? = 'QUEUED' AND expires_at IS NOT NULL AND expires_at <= " + NOW + " + ?)";
            MessageState after;
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET state = CASE WHEN " + expires
                    + " THEN 'FAILED' ELSE ? END, last_error = CASE WHEN " + expires + " THEN 'expired before it could "
                    + "be sent: ' || ? ELSE ? END, next_attempt_at = " + NOW + " + ?, attempts_base = attempts_base + ?, "
                    + "lease_owner = NULL, lease_until = NULL, submitting = 0, updated_at = " + NOW
                    + " WHERE id = ? AND attempts = ? AND state = ? RETURNING state")) {
                int i = 1;
                ps.setString(i++, f.state().name());
                ps.setLong(i++, f.retryDelayMillis());
                ps.setString(i++, f.state().name());
                ps.setString(i++, f.state().name());
                ps.setLong(i++, f.retryDelayMillis());
                ps.setString(i++, String.valueOf(f.error()));
                ps.setString(i++, f.error());
                ps.setLong(i++, f.retryDelayMillis());
                ps.setInt(i++, f.refund() ? 1 : 0);
                ps.setString(i++, id.value());
                ps.setInt(i++, attempt);
                ps.setString(i, before.name());
                // Conditional: between the SELECT and here another gateway may have reclaimed and claimed the
                // message again (PostgreSQL, READ COMMITTED); its row must not be overwritten.
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        log.warn("outbox message {}: attempt {} lost its lease before it ended; left to its new owner",
                                id.value(), attempt);
                        return Optional.empty();
                    }
                    after = MessageState.valueOf(rs.getString(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_attempt SET ended_at = " + NOW + ", outcome = ?, "
                    + "error_code = ?, error_meaning = ?, smtp_reply = ?, error_text = ?, phase_times = ?, fault = ? "
                    + "WHERE message_id = ? AND number = ?")) {
                ps.setString(1, f.outcome());
                ps.setInt(2, f.errorCode());
                ps.setString(3, f.errorMeaning());
                ps.setInt(4, f.smtpReply());
                ps.setString(5, f.error());
                ps.setString(6, f.phaseTimes());
                ps.setString(7, f.fault());
                ps.setString(8, id.value());
                ps.setInt(9, attempt);
                ps.executeUpdate();
            }
            if (after == MessageState.SENT) {
                // Sent mail is never sent again: its attachment bytes are not needed any more.
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_attachment WHERE message_id = ?")) {
                    ps.setString(1, id.value());
                    ps.executeUpdate();
                }
            }
            return Optional.of(new Ended(before, after));
        });
    }

    /**
     * Extends by {@code leaseMillis} the leases {@code owner} holds for the attempts given (message to attempt
     * number), on a connection of its own; returns the messages whose lease that attempt no longer holds.
     */
    public java.util.Set<MessageId> heartbeat(String owner, Map<MessageId, Integer> attempts, long leaseMillis) {
        return heartbeats.beat(owner, attempts, leaseMillis);
    }

    /**
     * The crash rule: a SENDING message whose lease ran out by the store's clock goes back to QUEUED if it
     * never reached {@code AT+QSMTPPUT}, to UNKNOWN if it did (or to QUEUED as well under the at-least-once
     * policy). A live lease is never taken, whoever holds it.
     */
    public List<Moved> reclaim(boolean atLeastOnce) {
        String where = "state = 'SENDING' AND lease_until < " + NOW;
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_attempt SET ended_at = " + NOW + ", outcome = "
                    + "'LEASE_EXPIRED' WHERE ended_at IS NULL AND message_id IN (SELECT id FROM outbox_message WHERE "
                    + where + ")")) {
                ps.executeUpdate();
            }
            List<Moved> moved = new ArrayList<>();
            String unknown = atLeastOnce ? "'QUEUED'" : "'UNKNOWN'";
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET state = CASE WHEN submitting = 1 THEN "
                    + unknown + " ELSE 'QUEUED' END, last_error = CASE WHEN submitting = 1 THEN "
                    + "'its gateway stopped after AT+QSMTPPUT was written: the server may have it' ELSE "
                    + "'its gateway stopped before submitting it' END, lease_owner = NULL, lease_until = NULL, "
                    + "next_attempt_at = " + NOW + ", updated_at = " + NOW + " WHERE " + where
                    + " RETURNING id, state, last_error")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        moved.add(new Moved(new MessageId(rs.getString(1)), MessageState.SENDING,
                                MessageState.valueOf(rs.getString(2)), rs.getString(3)));
                    }
                }
            }
            return moved;
        });
    }

    /** QUEUED messages past their expiry (by the store's clock) become FAILED. */
    public List<Moved> expire() {
        return writer.write(c -> {
            List<Moved> moved = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET state = 'FAILED', last_error = "
                    + "'expired before it could be sent', updated_at = " + NOW + " WHERE state = 'QUEUED' AND expires_at "
                    + "IS NOT NULL AND expires_at <= " + NOW + " RETURNING id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        moved.add(new Moved(new MessageId(rs.getString(1)), MessageState.QUEUED, MessageState.FAILED,
                                "expired"));
                    }
                }
            }
            return moved;
        });
    }

    /** Moves a message in one of {@code from} to {@code to}; returns the state it had, or empty. */
    public Optional<MessageState> move(MessageId id, List<MessageState> from, MessageState to, String note) {
        return writer.write(c -> {
            MessageState before;
            try (PreparedStatement ps = c.prepareStatement("SELECT state FROM outbox_message WHERE id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    before = MessageState.valueOf(rs.getString(1));
                }
            }
            if (!from.contains(before)) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET state = ?, next_attempt_at = "
                    + NOW + ", attempts_base = attempts, last_error = ?, updated_at = " + NOW
                    + " WHERE id = ? AND state = ?")) {
                ps.setString(1, to.name());
                ps.setString(2, note);
                ps.setString(3, id.value());
                ps.setString(4, before.name());
                return ps.executeUpdate() == 1 ? Optional.of(before) : Optional.empty();
            }
        });
    }

    /** Deletes SENT messages last changed before {@code before}, with their attempts. */
    public int purge(java.util.List<String> states, long before) {
        String in = String.join(",", java.util.Collections.nCopies(states.size(), "?"));
        return writer.write(c -> {
            String sel = "SELECT id FROM outbox_message WHERE state IN (" + in + ") AND updated_at < ?";
            for (String table : new String[] {"outbox_attachment", "outbox_attempt"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE message_id IN (" + sel + ")")) {
                    bindStates(ps, states, before);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM outbox_message WHERE state IN (" + in + ") AND updated_at < ?")) {
                bindStates(ps, states, before);
                return ps.executeUpdate();
            }
        });
    }

    private static void bindStates(PreparedStatement ps, java.util.List<String> states, long before) throws SQLException {
        for (int i = 0; i < states.size(); i++) {
            ps.setString(i + 1, states.get(i));
        }
        ps.setLong(states.size() + 1, before);
    }

    /** Runs {@code work} as a write (for tests and tools that need a raw statement). */
    public <T> T write(SqlWork<T> work) {
        return writer.write(work);
    }

    private static void setLong(PreparedStatement ps, int index, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, v);
        }
    }

    @Override
    public void close() {
        writer.close();
        heartbeats.close();
        reads.close();
    }

}
