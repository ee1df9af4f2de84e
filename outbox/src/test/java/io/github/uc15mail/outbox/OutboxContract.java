package io.github.uc15mail.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.error.InvalidDraftException;
import io.github.uc15mail.mail.EmailDraft.MailCharset;
import io.github.uc15mail.outbox.internal.DraftCodec;
import io.github.uc15mail.outbox.internal.Store;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every store keeps, run against SQLite ({@link SqliteOutboxTest}) and a real PostgreSQL
 * ({@link PostgresOutboxTest}).
 */
abstract class OutboxContract {

    Outbox outbox;

    /** A fresh, empty store. */
    abstract String newStoreUrl() throws Exception;

    Outbox open(String url) {
        return Outbox.open(url);
    }

    @BeforeEach
    void openStore() throws Exception {
        outbox = open(newStoreUrl());
    }

    @AfterEach
    void closeStore() {
        outbox.close();
    }

    static EmailDraft draft(String subject) {
        return EmailDraft.builder().to("ops@example.com").cc("cc@example.com").subject(subject).body("body of " + subject)
                .build();
    }

    Store store() {
        return outbox.store();
    }

    long now() {
        return System.currentTimeMillis();
    }

    Store.Claim claim(String owner) {
        return store().claim(owner, "node-" + owner, "modem-" + owner, 30_000).orElseThrow();
    }

    /**
     * Moves the store's time forward by {@code d}: every stored time goes back by as much, which is the same
     * to every comparison the store makes (they all use its own clock, so no host clock is involved).
     */
    void advance(java.time.Duration d) {
        long ms = d.toMillis();
        store().write(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE outbox_message SET created_at = created_at - " + ms + ", next_attempt_at = "
                        + "next_attempt_at - " + ms + ", lease_until = lease_until - " + ms + ", expires_at = expires_at - "
                        + ms);
            }
            return null;
        });
    }

    @Test
    void enqueuedMessageIsQueuedWithItsFields() {
        MessageId id = outbox.enqueue(draft("hello"));
        OutboxMessage m = outbox.find(id).orElseThrow();
        assertEquals(MessageState.QUEUED, m.state());
        assertEquals("hello", m.subject());
        assertEquals(List.of("ops@example.com", "cc@example.com"), m.recipients());
        assertEquals(0, m.attempts());
        assertEquals(1L, outbox.counts().get(MessageState.QUEUED));
        assertEquals(0L, outbox.counts().get(MessageState.SENT));
        assertTrue(outbox.find(MessageId.random()).isEmpty());
    }

    @Test
    void storedDraftRebuildsTheSameBytesIncludingAttachmentsAndCharsets() {
        byte[] data = new byte[3000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        EmailDraft original = EmailDraft.builder().to("a@example.com").bcc("b@example.com").subject("Grüße \"quoted\"")
                .body("line1\nline2 ü").attach(Attachment.ofBytes("data.bin", data)).build();
        EmailDraft gb = EmailDraft.builder().to("a@example.com").subject("温度").body("温度 high")
                .charset(MailCharset.GB2312).build();
        for (EmailDraft d : List.of(original, gb)) {
            MessageId id = outbox.enqueue(d);
            EmailDraft back = DraftCodec.decode(store().content(id).orElseThrow());
            assertArrayEquals(d.subjectBytes(), back.subjectBytes());
            assertEquals(d.subjectCharset(), back.subjectCharset());
            assertArrayEquals(d.bodyBytes(), back.bodyBytes());
            assertEquals(d.bodyCharset(), back.bodyCharset());
            assertEquals(d.recipients(), back.recipients());
            assertEquals(d.attachments().size(), back.attachments().size());
        }
        MessageId id = outbox.enqueue(original);
        DraftCodec.StoredAttachment a = store().content(id).orElseThrow().attachments().get(0);
        assertEquals("data.bin", a.name());
        assertArrayEquals(data, a.data());
    }

    @Test
    void aMailKeepsItsOwnSenderNameAndOneWithoutHasNone() {
        MessageId named = outbox.enqueue(EmailDraft.builder().to("a@example.com").subject("s").body("b")
                .senderName("Pump house 3").build());
        MessageId plain = outbox.enqueue(draft("plain"));
        assertEquals(Optional.of("Pump house 3"), DraftCodec.decode(store().content(named).orElseThrow()).senderName());
        assertEquals(Optional.empty(), DraftCodec.decode(store().content(plain).orElseThrow()).senderName());
    }

    /** The user and password of the store's database for Flyway run by hand (none for SQLite). */
    String[] credentials() {
        return new String[] {null, null};
    }

    /**
     * V3 (the sender name) was reserved while V4 (SMS) landed first, so stores exist at V1, V2, V4. Opening one
     * applies V3 in place (out of order) and keeps what it held.
     */
    @Test
    void aStoreMigratedToV4WithoutV3TakesV3WhenOpened() throws Exception {
        String url = newStoreUrl();
        io.github.uc15mail.outbox.internal.StoreLocation location =
                io.github.uc15mail.outbox.internal.StoreLocation.parse(url, null, null);
        String dialect = location.dialect().name().toLowerCase(java.util.Locale.ROOT);
        java.nio.file.Path scripts = java.nio.file.Files.createTempDirectory("outbox-before-v3");
        for (String script : List.of("V1__outbox.sql", "V2__fleet.sql", "V4__sms_channel.sql")) {
            try (java.io.InputStream in = getClass().getResourceAsStream("/db/outbox/" + dialect + "/" + script)) {
                java.nio.file.Files.write(scripts.resolve(script), in.readAllBytes());
            }
        }
        String[] who = credentials();
        org.flywaydb.core.Flyway.configure().dataSource(location.jdbcUrl(), who[0], who[1])
                .locations("filesystem:" + scripts).table("outbox_schema_history").load().migrate();
        try (Outbox old = open(url)) {
            MessageId id = old.enqueue(EmailDraft.builder().to("a@example.com").subject("after V3").body("b")
                    .senderName("Late name").build());
            assertEquals(Optional.of("Late name"), DraftCodec.decode(old.store().content(id).orElseThrow()).senderName());
            List<String> versions = old.store().write(c -> {
                List<String> found = new ArrayList<>();
                try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                        "SELECT version FROM outbox_schema_history WHERE success ORDER BY installed_rank")) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                return found;
            });
            assertEquals(List.of("1", "2", "4", "3"), versions, "V3 applied after V4, once");
        }
    }

    @Test
    void invalidDraftIsRefusedWithTheViolationsOfASend() {
        EmailDraft.Builder bad = EmailDraft.builder().to("not-an-address").subject("x").body("y");
        InvalidDraftException e = assertThrows(InvalidDraftException.class, () -> outbox.enqueue(bad));
        assertEquals(bad.validate(), e.violations());
        assertEquals(0L, outbox.counts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void idempotencyKeyStoresOnce() {
        EnqueueOptions o = EnqueueOptions.defaults().withIdempotencyKey("order-42");
        MessageId first = outbox.enqueue(draft("a"), o);
        MessageId second = outbox.enqueue(draft("b"), o);
        assertEquals(first, second);
        assertEquals(1, outbox.list(null, 10).size());
        assertEquals("a", outbox.find(first).orElseThrow().subject());
    }

    @Test
    void listIsNewestFirstAndFiltersByState() {
        MessageId a = outbox.enqueue(draft("a"));
        MessageId b = outbox.enqueue(draft("b"));
        MessageId c = outbox.enqueue(draft("c"));
        assertEquals(List.of(c, b, a), outbox.list(null, 10).stream().map(OutboxMessage::id).toList());
        assertEquals(List.of(c, b), outbox.list(null, 2).stream().map(OutboxMessage::id).toList());
        assertTrue(outbox.cancel(b));
        assertEquals(List.of(b), outbox.list(MessageState.CANCELLED, 10).stream().map(OutboxMessage::id).toList());
        assertEquals(List.of(c, a), outbox.list(MessageState.QUEUED, 10).stream().map(OutboxMessage::id).toList());
    }

    @Test
    void claimsGoByPriorityThenAgeAndRespectNotBefore() {
        MessageId low1 = outbox.enqueue(draft("low1"));
        MessageId later = outbox.enqueue(draft("later"),
                EnqueueOptions.defaults().withPriority(9).withNotBefore(Instant.now().plusSeconds(3600)));
        MessageId high = outbox.enqueue(draft("high"), EnqueueOptions.defaults().withPriority(5));
        MessageId low2 = outbox.enqueue(draft("low2"));
        assertEquals(high, claim("g").id());
        assertEquals(low1, claim("g").id());
        assertEquals(low2, claim("g").id());
        assertTrue(store().claim("g", "n", "m", 1000).isEmpty());
        assertEquals(MessageState.QUEUED, outbox.find(later).orElseThrow().state());
        assertEquals(MessageState.SENDING, outbox.find(high).orElseThrow().state());
        assertEquals(1, outbox.find(high).orElseThrow().attempts());
        Attempt attempt = outbox.attempts(high).get(0);
        assertEquals("node-g", attempt.node());
        assertEquals("modem-g", attempt.modem());
        assertFalse(attempt.submitted());
    }

    @Test
    void crashRuleRequeuesUnsubmittedAndFlagsSubmitted() {
        MessageId notYet = outbox.enqueue(draft("not yet"));
        MessageId submitted = outbox.enqueue(draft("submitted"));
        Store.Claim c1 = claim("dead");
        Store.Claim c2 = claim("dead");
        assertEquals(notYet, c1.id());
        assertTrue(store().markSubmitting(c2.id(), "dead", c2.attempt()));
        // Not expired yet: nothing moves.
        assertTrue(store().reclaim(false).isEmpty());
        advance(java.time.Duration.ofSeconds(60));
        List<Store.Moved> moved = store().reclaim(false);
        assertEquals(2, moved.size());
        assertEquals(MessageState.QUEUED, outbox.find(notYet).orElseThrow().state());
        assertEquals(MessageState.UNKNOWN, outbox.find(submitted).orElseThrow().state());
        assertEquals("LEASE_EXPIRED", outbox.attempts(submitted).get(0).outcome());
        assertTrue(outbox.attempts(submitted).get(0).submitted());
        // The requeued one is claimable again; the UNKNOWN one never is.
        assertEquals(notYet, claim("alive").id());
        assertTrue(store().claim("alive", "n", "m", 30_000).isEmpty());
        // A late result of the dead gateway's attempt still lands (the server did take it).
        Optional<Store.Ended> ended = store().finish(submitted, c2.attempt(), new Store.Finish(MessageState.SENT,
                "SENT", 0, 0, null, 0, null, ""));
        assertEquals(Optional.of(new Store.Ended(MessageState.UNKNOWN, MessageState.SENT)), ended);
        assertEquals(MessageState.SENT, outbox.find(submitted).orElseThrow().state());
    }

    @Test
    void aLiveLeaseIsNeverReclaimedAndAnExpiredOneRequeuesUnderAtLeastOnce() {
        MessageId id = outbox.enqueue(draft("x"));
        Store.Claim c = claim("me");
        assertTrue(store().markSubmitting(id, "me", c.attempt()));
        assertTrue(store().reclaim(true).isEmpty(), "a live lease is nobody's to take");
        advance(java.time.Duration.ofSeconds(31));
        List<Store.Moved> moved = store().reclaim(true);
        assertEquals(1, moved.size());
        assertEquals(MessageState.QUEUED, outbox.find(id).orElseThrow().state());
    }

    @Test
    void heartbeatRenewsOnlyTheLeaseOfItsOwnAttempt() {
        MessageId id = outbox.enqueue(draft("x"));
        Store.Claim c = claim("me/1");
        assertEquals(Set.of(id), store().heartbeat("me/2", Map.of(id, c.attempt()), 30_000), "a twin's instance");
        assertEquals(Set.of(id), store().heartbeat("me/1", Map.of(id, c.attempt() + 1), 30_000), "another attempt");
        advance(java.time.Duration.ofSeconds(20));
        assertEquals(Set.of(), store().heartbeat("me/1", Map.of(id, c.attempt()), 30_000));
        advance(java.time.Duration.ofSeconds(20));
        assertTrue(store().reclaim(false).isEmpty(), "the renewed lease still holds 40 s after the claim");
        assertTrue(store().markSubmitting(id, "me/1", c.attempt()));
    }

    @Test
    void aLeaseThatRanOutByTheStoresClockCannotSubmitEvenBeforeItIsReclaimed() {
        MessageId id = outbox.enqueue(draft("x"));
        Store.Claim c = claim("late");
        advance(java.time.Duration.ofSeconds(31));
        assertFalse(store().markSubmitting(id, "late", c.attempt()));
    }

    @Test
    void aRetryDueAfterTheMessageExpiresFailsIt() {
        MessageId id = outbox.enqueue(draft("x"), EnqueueOptions.defaults().withExpiresAt(Instant.now().plusSeconds(30)));
        Store.Claim c = claim("g");
        Optional<Store.Ended> e = store().finish(id, c.attempt(), new Store.Finish(MessageState.QUEUED, "RETRY", 60_000,
                654, null, 0, "654 network", ""));
        assertEquals(Optional.of(new Store.Ended(MessageState.SENDING, MessageState.FAILED)), e);
        assertEquals("expired before it could be sent: 654 network", outbox.find(id).orElseThrow().lastError());
    }

    @Test
    void anIdempotencyKeyHoldsForItsWindowOnly() {
        EnqueueOptions o = EnqueueOptions.defaults().withIdempotencyKey("k");
        MessageId first = outbox.enqueue(draft("a"), o);
        advance(java.time.Duration.ofDays(6));
        assertEquals(first, outbox.enqueue(draft("a"), o));
        advance(java.time.Duration.ofDays(2));
        MessageId later = outbox.enqueue(draft("a"), o);
        assertNotEquals(first, later, "past the 7-day window the key is free again");
        assertEquals(later, outbox.enqueue(draft("a"), o.withIdempotencyWindow(java.time.Duration.ofHours(1))));
        advance(java.time.Duration.ofHours(2));
        assertNotEquals(later, outbox.enqueue(draft("a"), o.withIdempotencyWindow(java.time.Duration.ofHours(1))));
    }

    @Test
    void lostLeaseStopsTheSubmitAndTheStaleFinish() {
        MessageId id = outbox.enqueue(draft("x"));
        Store.Claim c = claim("slow");
        advance(java.time.Duration.ofSeconds(60));
        store().reclaim(false);
        Store.Claim again = claim("fast");
        assertEquals(id, again.id());
        assertFalse(store().markSubmitting(id, "slow", c.attempt()));
        assertTrue(store().finish(id, c.attempt(), new Store.Finish(MessageState.QUEUED, "RETRY", 0, 654, null, 0,
                "x", "")).isEmpty());
        assertEquals(MessageState.SENDING, outbox.find(id).orElseThrow().state());
        assertEquals(2, outbox.find(id).orElseThrow().attempts());
    }

    @Test
    void retryCancelAndPurgeFollowTheStateRules() {
        MessageId failed = outbox.enqueue(draft("f"));
        Store.Claim c = claim("g");
        store().finish(failed, c.attempt(), new Store.Finish(MessageState.FAILED, "FAILED", 0, 678, "mailbox unavailable",
                550, "678 mailbox unavailable (SMTP 550)", ""));
        assertEquals("678 mailbox unavailable (SMTP 550)", outbox.find(failed).orElseThrow().lastError());
        Attempt a = outbox.attempts(failed).get(0);
        assertEquals(678, a.errorCode());
        assertEquals(550, a.smtpReply());
        assertTrue(outbox.retry(failed));
        assertFalse(outbox.retry(failed));
        assertEquals(MessageState.QUEUED, outbox.find(failed).orElseThrow().state());
        assertTrue(outbox.cancel(failed));
        assertFalse(outbox.cancel(failed));
        assertFalse(outbox.retry(MessageId.random()));

        MessageId sent = outbox.enqueue(draft("s"));
        Store.Claim s = claim("g");
        assertEquals(sent, s.id());
        assertFalse(outbox.cancel(sent), "a send in progress cannot be cancelled");
        store().finish(sent, s.attempt(), new Store.Finish(MessageState.SENT, "SENT", 0, 0, null, 0, null,
                "SMTP=120"));
        assertEquals(0, outbox.purgeSent(Instant.now().minusSeconds(60)));
        assertEquals(1, outbox.purgeSent(Instant.now().plusSeconds(1)));
        assertTrue(outbox.find(sent).isEmpty());
        assertTrue(outbox.find(failed).isPresent());
        // failed was cancelled above: a purge of SENT and FAILED leaves it, one of CANCELLED takes it
        assertEquals(0, outbox.purge(java.util.EnumSet.of(MessageState.SENT, MessageState.FAILED), Instant.now().plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> outbox.purge(java.util.EnumSet.of(MessageState.QUEUED),
                Instant.now()));
        assertEquals(0, outbox.purge(java.util.EnumSet.of(MessageState.CANCELLED), Instant.now().minusSeconds(60)));
        assertEquals(1, outbox.purge(java.util.EnumSet.of(MessageState.CANCELLED), Instant.now().plusSeconds(1)));
        assertTrue(outbox.find(failed).isEmpty());
    }

    @Test
    void expiredMessagesFail() {
        MessageId id = outbox.enqueue(draft("x"), EnqueueOptions.defaults().withExpiresAt(Instant.now().plusSeconds(30)));
        assertTrue(store().expire().isEmpty());
        advance(java.time.Duration.ofSeconds(31));
        assertEquals(1, store().expire().size());
        assertEquals(MessageState.FAILED, outbox.find(id).orElseThrow().state());
    }

    @Test
    void listenersSeeChangesMadeHere() {
        List<StateChange> seen = Collections.synchronizedList(new ArrayList<>());
        var sub = outbox.addListener(seen::add);
        List<StateChange> viaFlowable = Collections.synchronizedList(new ArrayList<>());
        var disposable = outbox.changes().subscribe(viaFlowable::add);
        MessageId id = outbox.enqueue(draft("x"));
        outbox.cancel(id);
        sub.cancel();
        disposable.dispose();
        outbox.retry(id);
        assertEquals(2, seen.size());
        assertEquals(new StateChange(id, null, MessageState.QUEUED, seen.get(0).at(), "enqueued"), seen.get(0));
        assertEquals(MessageState.CANCELLED, seen.get(1).to());
        assertEquals(2, viaFlowable.size());
    }

    @Test
    void concurrentProducersAndClaimersNeitherLoseNorShare() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<MessageId>> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                ids.add(pool.submit(() -> outbox.enqueue(draft("m" + n))));
            }
            Set<MessageId> enqueued = new HashSet<>();
            for (Future<MessageId> f : ids) {
                enqueued.add(f.get());
            }
            assertEquals(200, enqueued.size());
            List<Future<List<MessageId>>> claimers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String owner = "g" + t;
                claimers.add(pool.submit(() -> {
                    List<MessageId> mine = new ArrayList<>();
                    Optional<Store.Claim> c;
                    while ((c = store().claim(owner, owner, owner, 30_000)).isPresent()) {
                        mine.add(c.get().id());
                    }
                    return mine;
                }));
            }
            List<MessageId> all = new ArrayList<>();
            for (Future<List<MessageId>> f : claimers) {
                all.addAll(f.get());
            }
            assertEquals(200, all.size());
            assertEquals(enqueued, new HashSet<>(all));
            assertEquals(Map.of(MessageState.SENDING, 200L), Map.of(MessageState.SENDING,
                    outbox.counts().get(MessageState.SENDING)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bodyTextSurvivesByteForByte() {
        String body = "a\r\nb\u00e9\u4e2d" + "x".repeat(5000);
        MessageId id = outbox.enqueue(EmailDraft.builder().to("a@example.com").body(body).build());
        byte[] stored = store().content(id).orElseThrow().body();
        assertEquals(body, new String(stored, StandardCharsets.UTF_8));
        assertNotEquals(0, stored.length);
    }
}
