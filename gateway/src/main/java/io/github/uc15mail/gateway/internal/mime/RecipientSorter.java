package io.github.uc15mail.gateway.internal.mime;

import io.github.uc15mail.mail.EmailDraft;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Types the envelope recipients by the headers: To when the To header names the address, else Cc when
 * the Cc header does, else Bcc. An address the envelope names twice is added once. Headers that cannot be
 * parsed strictly are read leniently; a header that cannot be read at all names nobody.
 */
public final class RecipientSorter {

    private RecipientSorter() {}

    public static void sort(MimeMessage message, Collection<String> envelope, EmailDraft.Builder builder) {
        Set<String> to = addresses(message, Message.RecipientType.TO, "To");
        Set<String> cc = addresses(message, Message.RecipientType.CC, "Cc");
        Set<String> seen = new HashSet<>();
        for (String raw : envelope) {
            String address = raw == null ? "" : raw.strip();
            String key = address.toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                continue;
            }
            if (to.contains(key)) {
                builder.to(address);
            } else if (cc.contains(key)) {
                builder.cc(address);
            } else {
                builder.bcc(address);
            }
        }
    }

    private static Set<String> addresses(MimeMessage message, Message.RecipientType type, String header) {
        Set<String> out = new HashSet<>();
        Address[] parsed;
        try {
            parsed = message.getRecipients(type);
        } catch (AddressException e) {
            parsed = lenient(message, header);
        } catch (MessagingException e) {
            parsed = null;
        }
        if (parsed != null) {
            for (Address a : parsed) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    out.add(ia.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static Address[] lenient(MimeMessage message, String header) {
        try {
            String value = message.getHeader(header, ",");
            return value == null ? null : InternetAddress.parseHeader(value, false);
        } catch (MessagingException e) {
            return null;
        }
    }
}
