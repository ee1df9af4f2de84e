package io.github.uc15mail.testkit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: a fresh {@link Uc15Emulator} for every test, and optionally a fresh embedded GreenMail
 * SMTP server (plain, and SMTPS with GreenMail's self-signed certificate) on dynamic ports on 127.0.0.1.
 *
 * <pre>{@code
 * @RegisterExtension
 * Uc15EmulatorExtension uc15 = new Uc15EmulatorExtension().withSmtpServer();
 * }</pre>
 *
 * <p>Guarantees: everything is started before each test and stopped after it, even when it fails; ports
 * are chosen by the OS. Without {@link #withUser}, the server accepts any credentials (or none); with it,
 * the given user must authenticate with the right password (others get 535).
 *
 * <p>With {@link #withModems(int)} it starts several emulated modems, each with its own identity, that deliver
 * to the same SMTP server.
 *
 * <p>Does not: share an emulator between tests, support parallel use of one instance from several tests,
 * or start STARTTLS (GreenMail does not offer it; use SubEthaSMTP for that).
 */
public final class Uc15EmulatorExtension implements BeforeEachCallback, AfterEachCallback {

    private boolean smtp;
    private boolean smtps;
    private final List<String[]> users = new ArrayList<>();
    private Consumer<Uc15Emulator.Builder> customizer = b -> { };
    private int modems = 1;
    private final List<Uc15Emulator> emulators = new ArrayList<>();
    private GreenMail greenMail;

    /**
     * Starts {@code n} emulators per test (default 1), each with its own IMEI ({@link Imei#forIndex}(i)), all
     * built with the same {@link #withEmulator} customisation; they share the test's SMTP servers.
     */
    public Uc15EmulatorExtension withModems(int n) {
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("modems must be 1-64, was " + n);
        }
        modems = n;
        return this;
    }

    /** Also start a plain SMTP server per test. */
    public Uc15EmulatorExtension withSmtpServer() {
        smtp = true;
        return this;
    }

    /** Also start a plain SMTP server and an SMTPS (implicit TLS) server per test. */
    public Uc15EmulatorExtension withSmtpsServer() {
        smtp = true;
        smtps = true;
        return this;
    }

    /** Require AUTH: {@code user}/{@code password} is the account that works. */
    public Uc15EmulatorExtension withUser(String user, String password) {
        users.add(new String[] {Objects.requireNonNull(user), Objects.requireNonNull(password)});
        return this;
    }

    /** Customises the emulator builder used for each test. */
    public Uc15EmulatorExtension withEmulator(Consumer<Uc15Emulator.Builder> customizer) {
        this.customizer = Objects.requireNonNull(customizer);
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (int i = 0; i < modems; i++) {
            Uc15Emulator.Builder b = Uc15Emulator.builder().imei(Imei.forIndex(i));
            customizer.accept(b);
            emulators.add(b.build());
        }
        if (smtp) {
            List<ServerSetup> setups = new ArrayList<>();
            setups.add(setup(ServerSetup.PROTOCOL_SMTP));
            if (smtps) {
                setups.add(setup(ServerSetup.PROTOCOL_SMTPS));
            }
            greenMail = GreenMailServers.create(setups.toArray(new ServerSetup[0]));
            GreenMailConfiguration config = GreenMailConfiguration.aConfig();
            if (users.isEmpty()) {
                config = config.withDisabledAuthentication();
            } else {
                for (String[] u : users) {
                    config = config.withUser(u[0], u[0], u[1]);
                }
            }
            greenMail.withConfiguration(config);
            greenMail.start();
        }
    }

    /**
     * A dynamic-port setup on 127.0.0.1 with a startup wait long enough for a loaded build machine (GreenMail's
     * default of 2 s fails when several builds share two cores).
     */
    static ServerSetup setup(String protocol) {
        ServerSetup s = new ServerSetup(0, "127.0.0.1", protocol).dynamicPort();
        s.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
        return s;
    }

    static final long STARTUP_TIMEOUT_MILLIS = 20_000;

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            for (Uc15Emulator e : emulators) {
                e.close();
            }
        } finally {
            emulators.clear();
            if (greenMail != null) {
                greenMail.stop();
                greenMail = null;
            }
        }
    }

    /** This test's emulator (the first one with {@link #withModems}). */
    public Uc15Emulator emulator() {
        return emulator(0);
    }

    /** This test's {@code index}th emulator (0-based). */
    public Uc15Emulator emulator(int index) {
        if (emulators.isEmpty()) {
            throw new IllegalStateException("no emulator in this test");
        }
        return emulators.get(index);
    }

    /** All emulators of this test, in order. */
    public List<Uc15Emulator> emulators() {
        return List.copyOf(emulators);
    }

    /** Per emulator, what it recorded so far. */
    public List<Recording> recordings() {
        List<Recording> r = new ArrayList<>();
        for (Uc15Emulator e : emulators) {
            r.add(e.recording());
        }
        return r;
    }

    /** The address the SMTP servers listen on: {@code "127.0.0.1"}. */
    public String smtpHost() {
        return "127.0.0.1";
    }

    /** The plain SMTP port. */
    public int smtpPort() {
        return require(greenMail, "SMTP server (use withSmtpServer())").getSmtp().getPort();
    }

    /** The SMTPS port. */
    public int smtpsPort() {
        GreenMail gm = require(greenMail, "SMTPS server (use withSmtpsServer())");
        return require(gm.getSmtps(), "SMTPS server (use withSmtpsServer())").getPort();
    }

    /** The GreenMail instance of this test. */
    public GreenMail greenMail() {
        return require(greenMail, "SMTP server (use withSmtpServer())");
    }

    /** Messages the SMTP server received so far (one per envelope recipient). */
    public MimeMessage[] receivedMessages() {
        return greenMail().getReceivedMessages();
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("no " + what + " in this test");
        }
        return value;
    }
}
