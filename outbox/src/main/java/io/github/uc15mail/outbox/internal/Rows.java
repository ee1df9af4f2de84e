package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.outbox.Attempt;
import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.OutboxMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Maps result rows to the public records. */
final class Rows {

    static final String MESSAGE_COLUMNS = "id, state, attempts, priority, subject, recipients, last_error, created_at, "
            + "updated_at, next_attempt_at, expires_at, channel, linked_to";

    private Rows() {}

    static OutboxMessage message(ResultSet rs) throws SQLException {
        return new OutboxMessage(new MessageId(rs.getString("id")), MessageState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), rs.getInt("priority"), rs.getString("subject"),
                DraftCodec.addressesOf(rs.getString("recipients")), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "next_attempt_at"),
                instant(rs, "expires_at"), rs.getString("channel"),
                rs.getString("linked_to") == null ? null : new MessageId(rs.getString("linked_to")));
    }

    static Attempt attempt(ResultSet rs) throws SQLException {
        return new Attempt(rs.getInt("number"), instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("node"),
                rs.getString("modem"), rs.getString("outcome"), rs.getInt("submitted") != 0, rs.getInt("error_code"),
                rs.getString("error_meaning"), rs.getInt("smtp_reply"), rs.getString("error_text"),
                phases(rs.getString("phase_times")), rs.getString("fault"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static String phases(Map<SendPhase, Duration> times) {
        StringBuilder sb = new StringBuilder();
        times.forEach((p, d) -> {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(p.name()).append('=').append(d.toMillis());
        });
        return sb.toString();
    }

    static Map<SendPhase, Duration> phases(String text) {
        Map<SendPhase, Duration> out = new EnumMap<>(SendPhase.class);
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(SendPhase.valueOf(part.substring(0, eq)), Duration.ofMillis(Long.parseLong(part.substring(eq + 1))));
            }
        }
        return out;
    }
}
