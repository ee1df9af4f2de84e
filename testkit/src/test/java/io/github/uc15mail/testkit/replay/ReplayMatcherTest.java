package io.github.uc15mail.testkit.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which written lines match a recorded one: equal, or any value where a secret was masked; nothing else. */
class ReplayMatcherTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AT+QSMTPSUB=0,\"Report\"|AT+QSMTPSUB=0,\"Report\"|true",
        "AT+QSMTPSUB=0,\"Report\"|AT+QSMTPSUB=0,\"Other\"|false",
        "AT+QSMTPSUB=0,\"Report\"|AT+QSMTPSUB=0, \"Report\"|false",
        "AT+QSMTPCFG=\"account\",\"u\",\"****\"|AT+QSMTPCFG=\"account\",\"u\",\"anything at all\"|true",
        "AT+QSMTPCFG=\"account\",\"u\",\"****\"|AT+QSMTPCFG=\"account\",\"v\",\"anything\"|false",
        "AT+QSMTPCFG=\"account\",\"u\",\"****\"|AT+QSMTPCFG=\"account\",\"u\",\"\"|true",
        "AT+QICSGP=1,1,\"apn\",\"\",\"****\",1|AT+QICSGP=1,1,\"apn\",\"\",\"x\",3|false",
        "AT+QICSGP=1,1,\"apn\",\"\",\"****\",1|AT+QICSGP=1,1,\"apn\",\"\",\"x\",1|true"
    })
    void matches(String recorded, String got, boolean expected) {
        assertEquals(expected, ReplayMatcher.matches(recorded, got));
    }
}
