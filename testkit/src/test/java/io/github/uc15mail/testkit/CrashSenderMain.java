package io.github.uc15mail.testkit;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.transport.Transport.SocketTransport;
import java.util.Arrays;

/**
 * The host process of {@link CrashRecoveryTest}: {@code CrashSenderMain tcp:HOST:PORT SMTP_PORT MODE} sends
 * one email through the modem at {@code tcp:HOST:PORT} and is killed by the test in the middle of it. MODE
 * {@code upload} sends a large attachment, {@code body} a large body, {@code put} a small email.
 */
public final class CrashSenderMain {

    private CrashSenderMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !args[0].startsWith("tcp:")) {
            System.err.println("usage: CrashSenderMain tcp:HOST:PORT SMTP_PORT upload|body|put");
            System.exit(2);
        }
        String[] hostPort = args[0].substring(4).split(":");
        int smtpPort = Integer.parseInt(args[1]);
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", smtpPort).security(Security.NONE)
                .sender("Crashing host", "crash@example.com").build();
        EmailDraft.Builder draft = EmailDraft.builder().to("ops@example.com").subject("crashed " + args[2]);
        switch (args[2]) {
            case "upload" -> draft.body("has an attachment")
                    .attach(Attachment.ofBytes("big.bin", filled(200_000)));
            case "body" -> draft.body(new String(filled(9_000), java.nio.charset.StandardCharsets.US_ASCII));
            case "put" -> draft.body("small").attach(Attachment.ofBytes("small.txt", filled(100)));
            default -> throw new IllegalArgumentException(args[2]);
        }
        try (ModemMailer mailer = ModemMailer.open(new SocketTransport(hostPort[0], Integer.parseInt(hostPort[1])),
                config)) {
            System.out.println("SENDING " + args[2]);
            System.out.flush();
            mailer.send(draft.build());
            System.out.println("SENT (the test should have killed this process)");
        }
    }

    static byte[] filled(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        for (int i = 79; i < n; i += 80) {
            b[i] = '\n';
        }
        return b;
    }
}
