package io.github.uc15mail.cli;

import picocli.CommandLine.Mixin;

/**
 * The flags of {@code uc15mail send}, as given, in groups ({@link PortFlag}, {@link LinkFlags}, {@link AccountFlags},
 * {@link ContentFlags}, {@link RunFlags}) that other commands take one by one, so each command's help lists only
 * the flags it uses. Unset flags stay null (or empty) so that a value from {@code --config} can fill them;
 * {@link SendSettings} merges both and applies the defaults.
 */
public final class SendOptions {

    @Mixin
    PortFlag portFlag = new PortFlag();

    @Mixin
    LinkFlags link = new LinkFlags();

    @Mixin
    AccountFlags account = new AccountFlags();

    @Mixin
    ContentFlags content = new ContentFlags();

    @Mixin
    RunFlags run = new RunFlags();

    /** Options made of the groups a command took; the others stay empty. */
    static SendOptions of(PortFlag port, LinkFlags link, AccountFlags account, ContentFlags content, RunFlags run) {
        SendOptions o = new SendOptions();
        o.portFlag = port == null ? new PortFlag() : port;
        o.link = link == null ? new LinkFlags() : link;
        o.account = account == null ? new AccountFlags() : account;
        o.content = content == null ? new ContentFlags() : content;
        o.run = run == null ? new RunFlags() : run;
        return o;
    }
}
