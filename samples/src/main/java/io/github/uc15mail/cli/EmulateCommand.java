package io.github.uc15mail.cli;

import io.github.uc15mail.testkit.Imei;
import io.github.uc15mail.testkit.Model;
import io.github.uc15mail.testkit.SentEmail;
import io.github.uc15mail.testkit.SentSms;
import io.github.uc15mail.testkit.Uc15Emulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uc15mail emulate}: one or more emulated modems served on TCP, with an SMTP server in the same
 * process, for trying programs and scripts without hardware. Prints each email a modem delivers, and each send
 * that failed as {@code not delivered}. A port already in use is refused with exit 2 before anything starts.
 */
@Command(name = "emulate", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION,
        description = {"Run an emulated module (UC15 unless --model says otherwise) on 127.0.0.1:PORT with an embedded SMTP server, printing each email it delivers.",
                "With --modems N, N modems (each with its own IMEI) listen on PORT, PORT+1, ...",
                "A port in use ends the command with exit code 2 before anything starts.",
                "Each TCP port takes one client at a time, as a serial port has one owner:",
                "a second client reads 'ERROR: port busy, another client is connected' and is closed.",
                "",
                "Reach it with --port tcp:127.0.0.1:PORT, or give it a serial device path with socat:",
                "  socat pty,raw,echo=0,link=/tmp/uc15 tcp:127.0.0.1:PORT",
                "and then use --port /tmp/uc15.",
                "",
                "The emulator delivers to the server the host configures with",
                "AT+QSMTPCFG=\"smtpserver\": send with --server 127.0.0.1 --server-port SMTP_PORT",
                "for the embedded server, or name any other SMTP server to deliver there.",
                "The emulator has no way to override the host's choice."},
        sortOptions = false)
public final class EmulateCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--listen", required = true, paramLabel = "PORT",
            description = "TCP port for the (first) emulated modem on 127.0.0.1 (0 = any free port).")
    int listen;

    @Option(names = "--modems", paramLabel = "N", defaultValue = "1",
            description = "How many modems to serve, on PORT, PORT+1, ... (default ${DEFAULT-VALUE}, at most 32).")
    int modems;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "UC15",
            description = "The module to emulate: UC15 (default), UC20, EC25, EC21, EG25, EG91, EG95, EM05, AG35, "
                    + "BG95 or BG96 (BG95/BG96 have no SMTP service).")
    String model;

    @Option(names = "--smtp-port", paramLabel = "N", defaultValue = "0",
            description = "Port of the embedded SMTP server on 127.0.0.1 (default: a free port, printed; so it never "
                    + "meets the gateway's 2525).")
    int smtpPort;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "Exit after N emails were delivered or SMS accepted, by all modems together (default 0: run until interrupted).")
    int count;

    @Option(names = "--replay", paramLabel = "TRACE",
            description = "Instead of emulating, play the module's side of a recorded trace (docs/traces.md): each command "
                    + "the host writes is answered as the module answered it; a deviation is answered ERROR and printed. "
                    + "Each new client replays the trace from its start.")
    java.nio.file.Path replay;

    @Option(names = "--replay-timing", description = "With --replay: wait the recorded delays before each answer.")
    boolean replayTiming;

    public EmulateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (listen < 0 || listen > 65535) {
            throw CliFailure.badInput("listen: must be 0-65535, was " + listen);
        }
        if (modems < 1 || modems > 32) {
            throw CliFailure.badInput("modems: must be 1-32, was " + modems);
        }
        if (listen > 0 && listen + modems - 1 > 65535) {
            throw CliFailure.badInput("listen: " + modems + " modems from port " + listen + " pass 65535");
        }
        if (smtpPort < 0 || smtpPort > 65535) {
            throw CliFailure.badInput("smtp-port: must be 0-65535, was " + smtpPort);
        }
        if (count < 0) {
            throw CliFailure.badInput("count: must be 0 or more, was " + count);
        }
        if (replay != null) {
            return new TraceReplay(context, replay, replayTiming, listen, count).run();
        }
        if (replayTiming) {
            throw CliFailure.badInput("replay-timing: needs --replay TRACE");
        }
        Model m;
        try {
            m = Model.parse(model);
        } catch (IllegalArgumentException e) {
            throw CliFailure.badInput("model: " + e.getMessage());
        }
        // ports checked before anything starts: one line and exit 2, no server stack traces
        if (smtpPort > 0) {
            requireFree(smtpPort, "smtp-port", "the SMTP server");
        }
        if (listen > 0) {
            for (int i = 0; i < modems; i++) {
                requireFree(listen + i, "listen", modems > 1 ? "modem " + (i + 1) : "the modem");
            }
        }
        EmbeddedSmtpServer server;
        try {
            server = EmbeddedSmtpServer.start(smtpPort, null, null);
        } catch (RuntimeException e) {
            throw new CliFailure(ExitCodes.BAD_INPUT, "smtp-port: cannot start the SMTP server on 127.0.0.1:" + smtpPort
                    + " (port in use?); choose another --smtp-port", e);
        }
        List<Uc15Emulator> fleet = new ArrayList<>();
        try (server) {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < modems; i++) {
                Uc15Emulator e = Uc15Emulator.builder().model(m).imei(Imei.forIndex(i)).build();
                fleet.add(e);
                int want = listen == 0 ? 0 : listen + i;
                try {
                    ports.add(e.listenTcp(want));
                } catch (RuntimeException ex) {
                    throw new CliFailure(ExitCodes.BAD_INPUT, "listen: port " + want + " is in use; choose another --listen port", ex);
                }
            }
            for (int i = 0; i < modems; i++) {
                context.out().println("Emulated " + m.atiModel() + (modems > 1 ? " #" + (i + 1) : "") + " (IMEI "
                        + fleet.get(i).imei() + ") listening on tcp:127.0.0.1:" + ports.get(i));
            }
            context.out().println("SMTP server on 127.0.0.1:" + server.port() + " (accepts any account)");
            context.out().println("Try: uc15mail send --port tcp:127.0.0.1:" + ports.get(0) + " --server 127.0.0.1 --server-port "
                    + server.port() + " --from me@example.com --to you@example.com --subject hi --body hello");
            context.out().flush();
            int delivered = 0;
            while (count == 0 || delivered < count) {
                boolean any = false;
                for (int i = 0; i < modems && (count == 0 || delivered < count); i++) {
                    String who = modems > 1 ? "modem " + (i + 1) + ": " : "";
                    SentSms sms;
                    while ((count == 0 || delivered < count) && (sms = fleet.get(i).awaitSentSms(Duration.ZERO)) != null) {
                        any = true;
                        delivered++;
                        context.out().println(who + describe(sms));
                        context.out().flush();
                    }
                    SentEmail email = fleet.get(i).awaitSentEmail(Duration.ofMillis(modems > 1 ? 100 : 1000));
                    if (email == null) {
                        continue;
                    }
                    any = true;
                    if (email.delivered()) {
                        delivered++;
                        context.out().println(who + "delivered: " + describe(email));
                    } else {
                        context.out().println(who + "not delivered: " + email.err() + " " + reason(email) + " ("
                                + describe(email) + ")");
                    }
                    context.out().flush();
                }
                if (!any && Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
            for (Uc15Emulator e : fleet) {
                awaitHostCleanup(e);
            }
            return ExitCodes.OK;
        } finally {
            fleet.forEach(Uc15Emulator::close);
        }
    }

    /** {@code sms to <number> (<n> part(s), GSM 7-bit|UCS2): <text>}, line breaks shown as {@code \n}. */
    static String describe(SentSms sms) {
        return "sms to " + sms.number() + " (" + sms.parts() + " part" + (sms.parts() == 1 ? "" : "s") + ", "
                + (sms.ucs2() ? "UCS2" : "GSM 7-bit") + "): " + sms.text().replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Refuses a port another program listens on, before anything starts. */
    private static void requireFree(int port, String flag, String what) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw CliFailure.badInput(flag + ": port " + port + " for " + what + " is in use on 127.0.0.1; choose another --"
                    + flag + " port");
        }
    }

    /** Gives the host time to clear the content and delete its files before the modem goes away. */
    private static void awaitHostCleanup(Uc15Emulator modem) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (modem.isContentEmpty() && modem.ramFiles().isEmpty() && !modem.isInDataMode()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Why a send failed, in words: the emulator's detail, or the SMTP reply code. */
    private static String reason(SentEmail email) {
        String d = email.detail();
        if (email.forced()) {
            return "forced by a test fault" + (email.protocolError() != 0 ? ", SMTP " + email.protocolError() : "");
        }
        if (d == null || d.isBlank()) {
            return email.protocolError() != 0 ? "SMTP " + email.protocolError() : "send failed";
        }
        return d.lines().findFirst().orElse(d);
    }

    private static String describe(SentEmail email) {
        StringBuilder sb = new StringBuilder();
        sb.append("from ").append(email.senderEmail()).append(" to ").append(email.to());
        if (!email.cc().isEmpty()) {
            sb.append(" cc ").append(email.cc());
        }
        if (!email.bcc().isEmpty()) {
            sb.append(" bcc ").append(email.bcc());
        }
        sb.append(" via ").append(email.server()).append(':').append(email.port());
        sb.append(", subject \"").append(email.subject()).append('"');
        sb.append(", body ").append(email.bodyBytes().length).append(" bytes");
        email.attachments().forEach((name, bytes) -> sb.append(", ").append(name).append(" (").append(bytes.length)
                .append(" bytes)"));
        sb.append(", result ").append(email.err()).append(',').append(email.protocolError());
        return sb.toString();
    }
}
