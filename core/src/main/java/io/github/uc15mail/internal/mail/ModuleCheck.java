package io.github.uc15mail.internal.mail;

import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.AtResponse;

import io.github.uc15mail.module.ModuleProfile;
import java.util.List;
import java.util.Optional;

/**
 * The module identification of a send or a status view: the {@link ModuleProfile} the modem's state holds
 * since the last restart, or a new probe ({@code ATI}, {@code AT+QSMTPCFG=?}, and {@code AT+QSSLCFG=?} when
 * SSL is wanted and not yet asked). Only test and identification commands are written; a module without the
 * SMTP service is refused with {@link io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException} (not cached: asking
 * again costs two commands and a module may be swapped).
 *
 * <p>An {@code ERROR} to {@code AT+QSMTPCFG=?} is a refusal for every model: the UC15 manual (section 2.1)
 * documents the test command, and so do the EC2x outputs, so a module of the family that refuses it has a
 * firmware without the SMTP service.
 */
final class ModuleCheck {

    /** What {@code plan()} takes a fresh module to answer: the UC15 manual's answers. */
    private ModuleCheck() {}

    /**
     * The profile of the module, probing it when the state has none since the exchange's restart count.
     *
     * @throws io.github.uc15mail.module.ModuleProfile.UnsupportedModuleException when the module cannot send the way uc15mail drives it
     */
    static ModuleProfile ensure(StepRunner x, ModemState state, boolean sslWanted) {
        long restart = x.restartCount();
        Optional<ModuleProfile> known = state.profile(restart);
        ModuleProbe.Asker probe = command -> x.query(command.returning(AtResponse::lines, command.typicalReply()));
        ModuleProfile profile;
        if (known.isPresent()) {
            profile = sslWanted ? ModuleProbe.addSsl(probe, known.get()) : known.get();
        } else {
            profile = ModuleProbe.probe(probe, sslWanted);
        }
        if (profile != known.orElse(null)) {
            state.profileProbed(profile, restart);
        }
        return profile;
    }
}
