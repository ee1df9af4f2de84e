package io.github.uc15mail.cli;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Prints an email as a server received it: the main headers, the text, and each attachment's name and size. */
final class ReceivedMailPrinter {

    private ReceivedMailPrinter() {}

    static void print(MimeMessage message, PrintStream out) throws MessagingException, IOException {
        out.println("  From:    " + join(message.getFrom()));
        out.println("  To:      " + join(message.getRecipients(Message.RecipientType.TO)));
        Address[] cc = message.getRecipients(Message.RecipientType.CC);
        if (cc != null && cc.length > 0) {
            out.println("  Cc:      " + join(cc));
        }
        out.println("  Subject: " + message.getSubject());
        String date = message.getHeader("Date", null);
        if (date != null) {
            out.println("  Date:    " + date);
        }
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                printPart(multipart.getBodyPart(i), out);
            }
        } else {
            printText(String.valueOf(content), out);
        }
    }

    private static void printPart(BodyPart part, PrintStream out) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            out.println("  Attachment: " + part.getFileName() + " (" + size(part) + " bytes, "
                    + part.getContentType().split(";")[0].strip() + ")");
        } else if (part.getContent() instanceof String text) {
            printText(text, out);
        } else if (part.getContent() instanceof Multipart nested) {
            for (int i = 0; i < nested.getCount(); i++) {
                printPart(nested.getBodyPart(i), out);
            }
        }
    }

    private static void printText(String text, PrintStream out) {
        out.println("  Body:");
        text.replace("\r\n", "\n").lines().forEach(line -> out.println("    " + line));
    }

    private static long size(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.size();
        }
    }

    private static String join(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }
}
