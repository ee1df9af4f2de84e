/**
 * The {@code uc15mail} command-line tool: {@code send}, {@code demo}, {@code probe}, {@code ports} and
 * {@code emulate}. Entry point {@link io.github.uc15mail.cli.Uc15MailCli}; exit codes in
 * {@link io.github.uc15mail.cli.ExitCodes}.
 */
package io.github.uc15mail.cli;
