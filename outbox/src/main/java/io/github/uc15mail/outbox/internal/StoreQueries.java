package io.github.uc15mail.outbox.internal;

import io.github.uc15mail.outbox.Attempt;
import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.OutboxMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox's reads, the same SQL for SQLite and PostgreSQL, on the {@link ReadPool}. */
final class StoreQueries {

    private final ReadPool reads;

    StoreQueries(ReadPool reads) {
        this.reads = reads;
    }

    /** The stored draft of a message. */
    Optional<DraftCodec.StoredDraft> content(MessageId id) {
        return reads.read(c -> {
            String subject;
            String recipients;
            String charset;
            byte[] body;
            String channel;
            Integer maxParts;
            String linkedTo;
            String senderName;
            try (PreparedStatement ps = c.prepareStatement("SELECT subject, recipients, charset, body, channel, "
                    + "sms_max_parts, linked_to, sender_name FROM outbox_message WHERE id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    subject = rs.getString(1);
                    recipients = rs.getString(2);
                    charset = rs.getString(3);
                    body = rs.getBytes(4);
                    channel = rs.getString(5);
                    int parts = rs.getInt(6);
                    maxParts = rs.wasNull() ? null : parts;
                    linkedTo = rs.getString(7);
                    senderName = rs.getString(8);
                }
            }
            List<DraftCodec.StoredAttachment> attachments = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, data FROM outbox_attachment WHERE message_id = ? ORDER BY idx")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        attachments.add(new DraftCodec.StoredAttachment(rs.getString(1), rs.getBytes(2)));
                    }
                }
            }
            return Optional.of(new DraftCodec.StoredDraft(subject, recipients, charset, body, attachments, channel,
                    maxParts, linkedTo, senderName));
        });
    }

    /** The names and sizes of a message's attachments, in their order; empty for none or an unknown id. */
    List<io.github.uc15mail.outbox.StoredAttachment> attachments(MessageId id) {
        return reads.read(c -> {
            List<io.github.uc15mail.outbox.StoredAttachment> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, LENGTH(data) FROM outbox_attachment WHERE message_id = ? ORDER BY idx")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new io.github.uc15mail.outbox.StoredAttachment(rs.getString(1), rs.getLong(2)));
                    }
                }
            }
            return found;
        });
    }

    Optional<OutboxMessage> find(MessageId id) {
        return reads.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.MESSAGE_COLUMNS
                    + " FROM outbox_message WHERE id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Rows.message(rs)) : Optional.empty();
                }
            }
        });
    }

    List<OutboxMessage> list(MessageState state, int limit) {
        return reads.read(c -> {
            String sql = "SELECT " + Rows.MESSAGE_COLUMNS + " FROM outbox_message"
                    + (state == null ? "" : " WHERE state = ?") + " ORDER BY seq DESC LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (state != null) {
                    ps.setString(i++, state.name());
                }
                ps.setInt(i, limit);
                List<OutboxMessage> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Rows.message(rs));
                    }
                }
                return out;
            }
        });
    }

    List<Attempt> attempts(MessageId id) {
        return reads.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM outbox_attempt WHERE message_id = ? ORDER BY number")) {
                ps.setString(1, id.value());
                List<Attempt> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Rows.attempt(rs));
                    }
                }
                return out;
            }
        });
    }

    Map<MessageState, Long> counts() {
        return reads.read(c -> {
            Map<MessageState, Long> out = new EnumMap<>(MessageState.class);
            for (MessageState s : MessageState.values()) {
                out.put(s, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM outbox_message GROUP BY state");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(MessageState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return out;
        });
    }

}
