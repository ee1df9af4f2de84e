package io.github.uc15mail.testkit;

import java.util.concurrent.CountDownLatch;

/**
 * Runs an emulator in its own process: {@code EmulatorMain --listen PORT [--pdp CID] [--no-echo] [--model NAME]}.
 * Prints {@code LISTENING <port>} on stdout once bound, then serves until killed. For crash-recovery
 * tests that need the modem to outlive the host process. Not a supported tool beyond that.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        Uc15Emulator.Builder b = Uc15Emulator.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--listen":
                    port = Integer.parseInt(args[++i]);
                    break;
                case "--pdp":
                    b.pdpActiveAtStart(Integer.parseInt(args[++i]));
                    break;
                case "--no-echo":
                    b.echo(false);
                    break;
                case "--model":
                    b.model(Model.parse(args[++i]));
                    break;
                default:
                    System.err.println("usage: EmulatorMain --listen PORT [--pdp CID] [--no-echo] [--model NAME]");
                    System.exit(2);
            }
        }
        Uc15Emulator emulator = b.build();
        int bound = emulator.listenTcp(port);
        System.out.println("LISTENING " + bound);
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        new CountDownLatch(1).await();
    }
}
