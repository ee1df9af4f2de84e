package io.github.uc15mail.testkit.internal;

import java.util.List;

/**
 * Power-on settings of an emulated modem, and the identity of the module it plays: {@code ATI} text, model
 * ({@code AT+CGMM}), revision ({@code AT+CGMR}), IMEI ({@code AT+GSN}, {@code AT+CGSN}), whether it has the SMTP
 * service and its {@code AT+QSMTPCFG=?} / {@code AT+QSSLCFG=?} lines.
 */
public record EngineConfig(
        boolean simReady,
        boolean registered,
        long ramCapacity,
        long ufsCapacity,
        boolean echo,
        int pdpActiveAtStart,
        double smtpTimeoutScale,
        String manufacturerInfo,
        String model,
        String revision,
        String imei,
        boolean smtp,
        boolean bodyOriginal,
        List<String> smtpCfgTestLines,
        List<String> sslCfgTestLines) {
}
