package io.github.uc15mail.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StoreLocationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://u:hunter2@h/db | jdbc:postgresql://u:***@h/db",
        "jdbc:postgresql://u:p@ss:w@h:5432/db?ssl=true | jdbc:postgresql://u:***@h:5432/db?ssl=true",
        "postgresql://u:hunter2@h/db | postgresql://u:***@h/db",
        "jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true | jdbc:postgresql://h/db?user=u&password=***&ssl=true",
        "jdbc:postgresql://h/db?PASSWORD=hunter2 | jdbc:postgresql://h/db?PASSWORD=***",
        "jdbc:postgresql://u@h/db | jdbc:postgresql://u@h/db",
        "jdbc:postgresql://h:5432/db | jdbc:postgresql://h:5432/db",
        "sqlite:/var/lib/outbox.db | sqlite:/var/lib/outbox.db",
    })
    void maskHidesEveryPasswordAndKeepsTheRest(String url, String shown) {
        assertEquals(shown, StoreLocation.mask(url));
    }

    @Test
    void neitherErrorsNorToStringShowAPasswordInTheUserinfo() {
        IllegalArgumentException wrongScheme = assertThrows(IllegalArgumentException.class,
                () -> StoreLocation.parse("postgresql://u:hunter2@h/db", null, null));
        assertFalse(wrongScheme.getMessage().contains("hunter2"), wrongScheme.getMessage());
        assertTrue(wrongScheme.getMessage().contains("postgresql://u:***@h/db"), wrongScheme.getMessage());
        IllegalArgumentException param = assertThrows(IllegalArgumentException.class,
                () -> StoreLocation.parse("jdbc:postgresql://h/db?password=hunter2", null, null));
        assertFalse(param.getMessage().contains("hunter2"), param.getMessage());
        StoreLocation l = StoreLocation.parse("jdbc:postgresql://u:hunter2@h/db", null, null);
        assertEquals("jdbc:postgresql://u:***@h/db", l.toString());
    }
}
