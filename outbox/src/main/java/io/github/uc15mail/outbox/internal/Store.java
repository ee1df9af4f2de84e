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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox's SQL, the same for SQLite and PostgreSQL except for the claim (PostgreSQL skips rows other
 * gateways hold locked). Writes go through the {@link GroupWriter}, reads through the {@link ReadPool}.
 * Times are epoch milliseconds. The reads are in {@link StoreQueries}.
 */
public final class Store implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Store.class);

    /** A message a gateway has just claimed. */
    public record Claim(MessageId id, int attempt, int priorAttempts, Long expiresAt) {}

    /** What an attempt ended with, and where the message goes. */
    public record Finish(MessageState state, String outcome, long nextAttemptAt, int errorCode, String errorMeaning,
            int smtpReply, String error, String phaseTimes) {}

    /** A message whose state a sweep changed. */
    public record Moved(MessageId id, MessageState from, MessageState to, String detail) {}

    private final StoreLocation location;
    private final GroupWriter writer;
    private final ReadPool reads;
    private final StoreQueries queries;
    private final String claimSql;

    public Store(StoreLocation location, Duration writeTimeout) {
        this.location = location;
        this.writer = new GroupWriter(location::open, location.toString(), writeTimeout);
        this.reads = new ReadPool(location::open, location.toString(), 4);
        this.queries = new StoreQueries(reads);
        String pick = "SELECT seq FROM outbox_message WHERE state = 'QUEUED' AND next_attempt_at <= ? "
                + "ORDER BY priority DESC, seq LIMIT 1";
        if (location.dialect() == StoreLocation.Dialect.POSTGRESQL) {
            pick += " FOR UPDATE SKIP LOCKED";
        }
        this.claimSql = "UPDATE outbox_message SET state = 'SENDING', lease_owner = ?, lease_until = ?, "
                + "attempts = attempts + 1, submitting = 0, updated_at = ? WHERE seq = (" + pick + ") "
                + "RETURNING id, attempts, attempts_base, expires_at";
    }

    public StoreLocation location() {
        return location;
    }

    /** Stores a message, or finds the one with the same idempotency key; true in the pair when it is new. */
    public Map.Entry<MessageId, Boolean> insert(MessageId id, DraftCodec.StoredDraft d, EnqueueOptions o, long now) {
        return writer.write(c -> {
            if (o.idempotencyKey() != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM outbox_message WHERE idempotency_key = ?")) {
                    ps.setString(1, o.idempotencyKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return Map.entry(new MessageId(rs.getString(1)), false);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (id, state, priority, created_at, "
                    + "updated_at, next_attempt_at, expires_at, idempotency_key, subject, recipients, charset, body, "
                    + "channel, sms_max_parts, linked_to) VALUES (?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id.value());
                ps.setInt(2, o.priority());
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.setLong(5, o.notBefore() == null ? now : o.notBefore().toEpochMilli());
                setLong(ps, 6, o.expiresAt() == null ? null : o.expiresAt().toEpochMilli());
                ps.setString(7, o.idempotencyKey());
                ps.setString(8, d.subject());
                ps.setString(9, d.recipients());
                ps.setString(10, d.charset());
                ps.setBytes(11, d.body());
                ps.setString(12, d.channel());
                if (d.smsMaxParts() == null) {
                    ps.setNull(13, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(13, d.smsMaxParts());
                }
                ps.setString(14, d.linkedTo());
                ps.executeUpdate();
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

    /** Claims the next message due (priority, then age) for {@code owner}, and opens its attempt row. */
    public Optional<Claim> claim(String owner, String node, String modem, long now, long leaseUntil) {
        return writer.write(c -> {
            Claim claim;
            try (PreparedStatement ps = c.prepareStatement(claimSql)) {
                ps.setString(1, owner);
                ps.setLong(2, leaseUntil);
                ps.setLong(3, now);
                ps.setLong(4, now);
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
                    + "node, modem) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, claim.id().value());
                ps.setInt(2, claim.attempt());
                ps.setLong(3, now);
                ps.setString(4, node);
                ps.setString(5, modem);
                ps.executeUpdate();
            }
            return Optional.of(claim);
        });
    }

    /** The stored draft of a message. */
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
     * lease was lost (another gateway reclaimed the message): the send must not go ahead.
     */
    public boolean markSubmitting(MessageId id, String owner, int attempt, long now) {
        return writer.write(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET submitting = 1, updated_at = ? "
                    + "WHERE id = ? AND state = 'SENDING' AND lease_owner = ? AND attempts = ?")) {
                ps.setLong(1, now);
                ps.setString(2, id.value());
                ps.setString(3, owner);
                ps.setInt(4, attempt);
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
     * its lease was reclaimed); returns the state it had, or empty when it had moved on.
     */
    public Optional<MessageState> finish(MessageId id, int attempt, Finish f, long now) {
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
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET state = ?, next_attempt_at = ?, "
                    + "last_error = ?, lease_owner = NULL, lease_until = NULL, submitting = 0, updated_at = ? "
                    + "WHERE id = ? AND attempts = ? AND state = ?")) {
                ps.setString(1, f.state().name());
                ps.setLong(2, f.nextAttemptAt());
                ps.setString(3, f.error());
                ps.setLong(4, now);
                ps.setString(5, id.value());
                ps.setInt(6, attempt);
                ps.setString(7, before.name());
                // Conditional: between the SELECT and here another gateway may have reclaimed and claimed the
                // message again (PostgreSQL, READ COMMITTED); its row must not be overwritten.
                if (ps.executeUpdate() != 1) {
                    log.warn("outbox message {}: attempt {} lost its lease before it ended; left to its new owner",
                            id.value(), attempt);
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_attempt SET ended_at = ?, outcome = ?, "
                    + "error_code = ?, error_meaning = ?, smtp_reply = ?, error_text = ?, phase_times = ? "
                    + "WHERE message_id = ? AND number = ?")) {
                ps.setLong(1, now);
                ps.setString(2, f.outcome());
                ps.setInt(3, f.errorCode());
                ps.setString(4, f.errorMeaning());
                ps.setInt(5, f.smtpReply());
                ps.setString(6, f.error());
                ps.setString(7, f.phaseTimes());
                ps.setString(8, id.value());
                ps.setInt(9, attempt);
                ps.executeUpdate();
            }
            if (f.state() == MessageState.SENT) {
                // Sent mail is never sent again: its attachment bytes are not needed any more.
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_attachment WHERE message_id = ?")) {
                    ps.setString(1, id.value());
                    ps.executeUpdate();
                }
            }
            return Optional.of(before);
        });
    }

    /** Extends the leases {@code owner} holds on {@code ids}. */
    public void heartbeat(String owner, Collection<MessageId> ids, long leaseUntil) {
        if (ids.isEmpty()) {
            return;
        }
        writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET lease_until = ? "
                    + "WHERE id = ? AND state = 'SENDING' AND lease_owner = ?")) {
                for (MessageId id : ids) {
                    ps.setLong(1, leaseUntil);
                    ps.setString(2, id.value());
                    ps.setString(3, owner);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * The crash rule: a SENDING message whose lease ran out (or, with {@code owner}, whose lease that owner
     * held in an earlier life) goes back to QUEUED if it never reached {@code AT+QSMTPPUT}, to UNKNOWN if it
     * did (or to QUEUED as well under the at-least-once policy).
     */
    public List<Moved> reclaim(String owner, long now, boolean atLeastOnce) {
        String where = owner == null ? "state = 'SENDING' AND lease_until < ?" : "state = 'SENDING' AND lease_owner = ?";
        return writer.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_attempt SET ended_at = ?, outcome = "
                    + "'LEASE_EXPIRED' WHERE ended_at IS NULL AND message_id IN (SELECT id FROM outbox_message WHERE "
                    + where + ")")) {
                ps.setLong(1, now);
                setKey(ps, 2, owner, now);
                ps.executeUpdate();
            }
            List<Moved> moved = new ArrayList<>();
            String unknown = atLeastOnce ? "'QUEUED'" : "'UNKNOWN'";
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET state = CASE WHEN submitting = 1 THEN "
                    + unknown + " ELSE 'QUEUED' END, last_error = CASE WHEN submitting = 1 THEN "
                    + "'its gateway stopped after AT+QSMTPPUT was written: the server may have it' ELSE "
                    + "'its gateway stopped before submitting it' END, lease_owner = NULL, lease_until = NULL, "
                    + "next_attempt_at = ?, updated_at = ? WHERE " + where + " RETURNING id, state, last_error")) {
                ps.setLong(1, now);
                ps.setLong(2, now);
                setKey(ps, 3, owner, now);
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

    /** QUEUED messages past their expiry become FAILED. */
    public List<Moved> expire(long now) {
        return writer.write(c -> {
            List<Moved> moved = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET state = 'FAILED', last_error = "
                    + "'expired before it could be sent', updated_at = ? WHERE state = 'QUEUED' AND expires_at IS NOT NULL "
                    + "AND expires_at <= ? RETURNING id")) {
                ps.setLong(1, now);
                ps.setLong(2, now);
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
    public Optional<MessageState> move(MessageId id, List<MessageState> from, MessageState to, String note, long now) {
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
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET state = ?, next_attempt_at = ?, "
                    + "attempts_base = attempts, last_error = ?, updated_at = ? WHERE id = ? AND state = ?")) {
                ps.setString(1, to.name());
                ps.setLong(2, now);
                ps.setString(3, note);
                ps.setLong(4, now);
                ps.setString(5, id.value());
                ps.setString(6, before.name());
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

    private static void setKey(PreparedStatement ps, int index, String owner, long now) throws SQLException {
        if (owner == null) {
            ps.setLong(index, now);
        } else {
            ps.setString(index, owner);
        }
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
        reads.close();
    }

}
