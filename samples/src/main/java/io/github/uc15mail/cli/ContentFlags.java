package io.github.uc15mail.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What one email holds: recipients, subject, body, charset, attachments. A picocli mixin: a command shows only the groups it takes. */
public final class ContentFlags {

    @Option(names = "--to", paramLabel = "ADDR", description = "Recipient (repeatable).")
    List<String> to = new ArrayList<>();

    @Option(names = "--cc", paramLabel = "ADDR", description = "Copy recipient (repeatable).")
    List<String> cc = new ArrayList<>();

    @Option(names = "--bcc", paramLabel = "ADDR", description = "Blind copy recipient (repeatable). At most 20 recipients in all.")
    List<String> bcc = new ArrayList<>();

    @Option(names = "--subject", paramLabel = "TEXT", description = "Subject.")
    String subject;

    @Option(names = "--body", paramLabel = "TEXT", description = "Body text (at most 10240 bytes encoded).")
    String body;

    @Option(names = "--body-file", paramLabel = "PATH", description = "Read the body from a UTF-8 file instead.")
    Path bodyFile;

    @Option(names = "--body-overflow-attachment",
            description = "Send a body over 10240 bytes as the attachment body.txt (the body then says where the text is).")
    boolean bodyOverflowAttachment;

    @Option(names = "--allow-empty", description = "Send even when subject and body are both empty (refused otherwise).")
    boolean allowEmpty;

    @Option(names = "--charset", paramLabel = "ascii|utf-8|gb2312|big5",
            description = "Charset of subject and body (default auto: ASCII if possible, else UTF-8).")
    String charset;

    @Option(names = "--attach", paramLabel = "PATH", description = "Attach a file (repeatable, at most 10).")
    List<Path> attach = new ArrayList<>();
}
