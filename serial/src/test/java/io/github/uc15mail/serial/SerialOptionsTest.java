package io.github.uc15mail.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.serial.SerialOptions.Parity;
import org.junit.jupiter.api.Test;

class SerialOptionsTest {

    @Test
    void defaultsAre115200EightNOneWithDtr() {
        SerialOptions d = SerialOptions.defaults();
        assertEquals(115_200, d.baudRate());
        assertEquals(8, d.dataBits());
        assertEquals(Parity.NONE, d.parity());
        assertEquals(1, d.stopBits());
        assertFalse(d.rtsCts());
        assertTrue(d.dtr());
        assertEquals(d, SerialOptions.builder().build());
        assertEquals("115200 8N1, flow control none, DTR on", d.toString());
    }

    @Test
    void builderSetsEverythingAndValuesCompareByContent() {
        SerialOptions o = SerialOptions.builder()
                .baudRate(9600).dataBits(7).parity(Parity.EVEN).stopBits(2).rtsCts(true).dtr(false).build();
        assertEquals("9600 7E2, flow control RTS/CTS, DTR off", o.toString());
        assertEquals(o, o.toBuilder().build());
        assertEquals(o.hashCode(), o.toBuilder().build().hashCode());
        assertNotEquals(o, o.toBuilder().parity(Parity.ODD).build());
        assertEquals("9600 7O2, flow control RTS/CTS, DTR off", o.toBuilder().parity(Parity.ODD).build().toString());
    }

    @Test
    void badValuesAreRefusedWithTheValueInTheMessage() {
        SerialOptions.Builder b = SerialOptions.builder();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.baudRate(0)).getMessage().contains("0"));
        assertThrows(IllegalArgumentException.class, () -> b.dataBits(9));
        assertThrows(IllegalArgumentException.class, () -> b.dataBits(4));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.stopBits(3)).getMessage().contains("3"));
        assertThrows(NullPointerException.class, () -> b.parity(null));
    }
}
