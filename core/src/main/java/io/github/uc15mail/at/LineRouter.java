package io.github.uc15mail.at;

import io.github.uc15mail.at.internal.AtEvent;
import io.github.uc15mail.at.internal.AtText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each decoded line goes, under the {@link CommandSequencer}'s lock on the reader thread: to the command
 * in flight (its information lines, {@code CONNECT}, the {@code A}s of ACK mode, its final result) or,
 * for every other line, to the URC dispatcher. Numbers every line (see {@link Urc#sequence()}) and
 * watches for module restarts. A final result with no command in flight (a late reply) is dropped.
 */
final class LineRouter {

    private static final Logger log = LoggerFactory.getLogger(AtSession.class);

    private final CommandSequencer sequencer;
    private final AtSessionOptions options;
    private final TrafficTap tap;
    private final UrcDispatcher urcs;
    private final RestartWatch restarts = new RestartWatch();
    private long lineSequence;

    LineRouter(CommandSequencer sequencer, AtSessionOptions options, TrafficTap tap, UrcDispatcher urcs) {
        this.sequencer = sequencer;
        this.options = options;
        this.tap = tap;
        this.urcs = urcs;
    }

    long restarts() {
        return restarts.count();
    }

    /** Under the lock: a command was answered {@code OK}. */
    void succeeded(AtCommand<?> command) {
        restarts.succeeded(command);
    }

    /** The decoder's sink: under the lock, on the reader thread, for every line. */
    void onEvent(AtEvent event) {
        long sequence = ++lineSequence;
        tap.line(event.line());
        InFlightCommand ex = sequencer.liveLocked();
        switch (event.type()) {
            case ECHO -> restarts.echo();
            case OVERLONG -> {
                String masked = AtText.mask(event.line());
                log.warn("dropped a line longer than {} bytes, starting {}", options.maxLineLength(),
                        AtText.show(masked.substring(0, Math.min(40, masked.length())), false));
            }
            case ACK -> {
                if (ex != null && ex.phase == InFlightCommand.Phase.PAYLOAD) {
                    ex.acks++;
                    sequencer.changed.signalAll();
                }
            }
            case CONNECT -> {
                if (ex == null) {
                    log.debug("CONNECT with no command in flight; ignored");
                } else if (ex.command.payload().isEmpty()) {
                    ex.addLine(event.line());
                } else if (ex.phase == InFlightCommand.Phase.AWAIT_CONNECT && !ex.command.payload().orElseThrow().prompted()) {
                    sequencer.connectLocked(ex);
                }
            }
            case PROMPT -> {
                if (ex != null && ex.phase == InFlightCommand.Phase.AWAIT_CONNECT
                        && ex.command.payload().map(DataPayload::prompted).orElse(false)) {
                    sequencer.connectLocked(ex);
                } else {
                    log.debug("a '> ' prompt with no prompted command waiting for it; ignored");
                }
            }
            case LINE -> onLine(ex, event.line(), sequence);
            default -> {
                if (ex == null) {
                    log.debug("result {} with no command in flight (a late reply?); ignored", event.line());
                } else {
                    sequencer.finishLocked(ex, event, sequence);
                }
            }
        }
    }

    private void onLine(InFlightCommand ex, String line, long sequence) {
        if (line.strip().equals("RDY")) {
            restarts.ready();
            if (ex != null) {
                sequencer.restartedLocked(ex);
            }
        } else if (ex != null && ex.command.owns(line)) {
            ex.addLine(line);
            return;
        }
        urcs.dispatch(new Urc(line, sequence));
    }
}
