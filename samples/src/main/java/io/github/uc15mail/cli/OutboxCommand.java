package io.github.uc15mail.cli;

import io.github.uc15mail.outbox.Attempt;
import io.github.uc15mail.outbox.MessageId;
import io.github.uc15mail.outbox.MessageState;
import io.github.uc15mail.outbox.Outbox;
import io.github.uc15mail.outbox.OutboxException;
import io.github.uc15mail.outbox.OutboxMessage;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code uc15mail outbox}: look at and act on the queued mail: {@code list}, {@code show}, {@code retry},
 * {@code cancel}, {@code purge}. {@code --store} goes before or after the subcommand.
 */
@Command(name = "outbox", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION,
        description = "Look at and act on the outbox: list, show, retry, cancel, purge.",
        subcommands = {OutboxCommand.ListCommand.class, OutboxCommand.ShowCommand.class, OutboxCommand.RetryCommand.class,
            OutboxCommand.CancelCommand.class, OutboxCommand.PurgeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad flags, an unknown id, or a message not in a state that allows it",
            "4:the store cannot be reached"})
public final class OutboxCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    public OutboxCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw CliFailure.badInput("outbox: needs a subcommand (list, show, retry, cancel or purge), was none");
    }

    /** Runs {@code action} on the opened outbox, turning store failures into exit 4. */
    <T> T with(StoreOptions own, Function<Outbox, T> action) {
        try (Outbox outbox = own.or(store).open(context.env())) {
            return action.apply(outbox);
        } catch (OutboxException e) {
            throw new CliFailure(ExitCodes.MODEM_UNREACHABLE, e.getMessage(), e);
        }
    }

    PrintStream out() {
        return context.out();
    }

    static MessageId id(String text) {
        try {
            return MessageId.of(text);
        } catch (IllegalArgumentException e) {
            throw CliFailure.badInput(e.getMessage());
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }

    /** {@code outbox list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Messages, newest first.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        OutboxCommand parent;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--state", paramLabel = "STATE",
                description = "Only this state: queued, sending, sent, failed, unknown, cancelled.")
        String state;

        @Option(names = "--json", description = "One JSON object per line.")
        boolean json;

        @Option(names = "--limit", paramLabel = "N", description = "At most N messages (default 100).")
        int limit = 100;

        @Override
        public Integer call() {
            MessageState filter = null;
            if (state != null) {
                try {
                    filter = MessageState.valueOf(state.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw CliFailure.badInput("state: must be one of queued, sending, sent, failed, unknown, cancelled, "
                            + "was \"" + state + "\"");
                }
            }
            if (limit < 1) {
                throw CliFailure.badInput("limit: must be at least 1, was " + limit);
            }
            MessageState f = filter;
            var messages = parent.with(store, o -> o.list(f, limit));
            PrintStream out = parent.out();
            if (!json) {
                out.println(String.format(Locale.ROOT, "%-36s  %-9s %8s  %-24s  %s", "ID", "STATE", "ATTEMPTS", "UPDATED",
                        "SUBJECT (LAST ERROR)"));
            }
            for (OutboxMessage m : messages) {
                if (json) {
                    out.println(new Json().field("id", m.id().value()).field("state", m.state().name())
                            .field("channel", m.channel())
                            .field("attempts", m.attempts()).field("subject", m.subject())
                            .field("recipients", m.recipients()).field("error", m.lastError())
                            .field("priority", m.priority()).field("created", m.createdAt().toString())
                            .field("updated", m.updatedAt().toString()));
                } else {
                    out.println(String.format(Locale.ROOT, "%-36s  %-9s %8d  %-24s  %s%s", m.id(), m.state(), m.attempts(),
                            m.updatedAt(), m.isSms() ? "SMS to " + String.join(", ", m.recipients()) : oneLine(m.subject()),
                            m.lastError() == null ? "" : "  (" + oneLine(m.lastError()) + ")"));
                }
            }
            return ExitCodes.OK;
        }
    }

    /** {@code outbox show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "One message and all its attempts.")
    static final class ShowCommand implements Callable<Integer> {
        @ParentCommand
        OutboxCommand parent;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            MessageId mid = id(id);
            return parent.with(store, o -> {
                OutboxMessage m = o.find(mid).orElseThrow(() -> CliFailure.badInput("id: no message " + mid
                        + " in the outbox"));
                PrintStream out = parent.out();
                out.println("id:         " + m.id());
                out.println("state:      " + m.state());
                out.println("channel:    " + m.channel() + (m.linkedTo() == null ? "" : " (about " + m.linkedTo() + ")"));
                out.println("subject:    " + oneLine(m.subject()));
                out.println("recipients: " + String.join(", ", m.recipients()));
                java.util.List<io.github.uc15mail.outbox.StoredAttachment> files = o.attachments(mid);
                if (!files.isEmpty()) {
                    out.println("attachments:");
                    for (io.github.uc15mail.outbox.StoredAttachment f : files) {
                        out.println("  " + oneLine(f.name()) + " (" + f.size() + " bytes)");
                    }
                }
                out.println("priority:   " + m.priority());
                out.println("created:    " + m.createdAt());
                out.println("updated:    " + m.updatedAt());
                if (m.state() == MessageState.QUEUED) {
                    out.println("next try:   " + m.nextAttemptAt());
                }
                if (m.expiresAt() != null) {
                    out.println("expires:    " + m.expiresAt());
                }
                if (m.lastError() != null) {
                    out.println("error:      " + oneLine(m.lastError()));
                }
                out.println("attempts:   " + m.attempts());
                for (Attempt a : o.attempts(mid)) {
                    StringBuilder sb = new StringBuilder();
                    sb.append("  #").append(a.number()).append(' ').append(a.startedAt()).append(' ')
                            .append(a.outcome() == null ? "RUNNING" : a.outcome()).append(" via ").append(a.modem())
                            .append(" on ").append(a.node());
                    if (a.endedAt() != null) {
                        sb.append(", ").append(Duration.between(a.startedAt(), a.endedAt()).toMillis()).append(" ms");
                    }
                    if (a.submitted()) {
                        sb.append(", submitted");
                    }
                    if (a.errorCode() != 0) {
                        sb.append(", error ").append(a.errorCode()).append(' ').append(a.errorMeaning());
                    }
                    if (a.smtpReply() != 0) {
                        sb.append(", SMTP ").append(a.smtpReply());
                    }
                    if (a.error() != null && a.errorCode() == 0) {
                        sb.append(": ").append(oneLine(a.error()));
                    }
                    if (!a.phaseTimes().isEmpty()) {
                        sb.append(" [");
                        new java.util.EnumMap<>(a.phaseTimes()).forEach((p, d) -> sb.append(p.name().toLowerCase(Locale.ROOT)).append(' ')
                                .append(d.toMillis()).append("ms "));
                        sb.setLength(sb.length() - 1);
                        sb.append(']');
                    }
                    out.println(sb);
                }
                return ExitCodes.OK;
            });
        }
    }

    /** {@code outbox retry ID}. */
    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Queue a FAILED or UNKNOWN message again (an UNKNOWN one may then arrive twice).")
    static final class RetryCommand implements Callable<Integer> {
        @ParentCommand
        OutboxCommand parent;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            MessageId mid = id(id);
            return parent.with(store, o -> act(parent.out(), o, mid, o.retry(mid), "queued again", "FAILED or UNKNOWN"));
        }
    }

    /** {@code outbox cancel ID}. */
    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel a QUEUED, FAILED or UNKNOWN message.")
    static final class CancelCommand implements Callable<Integer> {
        @ParentCommand
        OutboxCommand parent;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            MessageId mid = id(id);
            return parent.with(store, o -> act(parent.out(), o, mid, o.cancel(mid), "cancelled",
                    "QUEUED, FAILED or UNKNOWN"));
        }
    }

    static int act(PrintStream out, Outbox o, MessageId id, boolean done, String what, String allowed) {
        if (!done) {
            OutboxMessage m = o.find(id).orElseThrow(() -> CliFailure.badInput("id: no message " + id + " in the outbox"));
            throw CliFailure.badInput("state: must be " + allowed + ", was " + m.state() + " (message " + id + ")");
        }
        out.println(id + " " + what);
        return ExitCodes.OK;
    }

    /** {@code outbox purge --state STATE --older-than DURATION}. */
    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Delete SENT, FAILED or CANCELLED messages (and their attempts) last changed before DURATION ago.")
    static final class PurgeCommand implements Callable<Integer> {
        @ParentCommand
        OutboxCommand parent;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--state", paramLabel = "STATE",
                description = "SENT, FAILED or CANCELLED; repeatable (default SENT).")
        List<String> states = new ArrayList<>();

        @Option(names = "--older-than", paramLabel = "DURATION", description = "Age, like 7d, 12h, 30m or PT1H.")
        String olderThan;

        @Option(names = "--sent-before", hidden = true, paramLabel = "DURATION",
                description = "The former name of --older-than with --state SENT.")
        String sentBefore;

        @Override
        public Integer call() {
            if (olderThan == null && sentBefore == null) {
                throw CliFailure.badInput("older-than: is required (--older-than DURATION, like 7d), was not given");
            }
            Duration age = olderThan != null ? Durations.parse("older-than", olderThan)
                    : Durations.parse("sent-before", sentBefore);
            Set<MessageState> chosen = EnumSet.noneOf(MessageState.class);
            for (String st : states.isEmpty() ? List.of("SENT") : states) {
                MessageState m;
                try {
                    m = MessageState.valueOf(st.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    m = null;
                }
                if (m != MessageState.SENT && m != MessageState.FAILED && m != MessageState.CANCELLED) {
                    throw CliFailure.badInput("state: must be SENT, FAILED or CANCELLED, was \"" + st + "\"");
                }
                chosen.add(m);
            }
            Instant before = Instant.now().minus(age);
            int n = parent.with(store, o -> o.purge(chosen, before));
            parent.out().println("purged " + n + " message" + (n == 1 ? "" : "s") + " (" + chosen
                    + ") last changed before " + before);
            return ExitCodes.OK;
        }
    }
}
