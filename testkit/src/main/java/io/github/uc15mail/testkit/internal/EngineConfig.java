package io.github.uc15mail.testkit.internal;

/** Power-on settings of an emulated modem. */
public record EngineConfig(
        boolean simReady,
        boolean registered,
        long ramCapacity,
        long ufsCapacity,
        boolean echo,
        int pdpActiveAtStart,
        double smtpTimeoutScale,
        String manufacturerInfo) {
}
