package io.github.uc15mail.module;

import io.github.uc15mail.module.ModuleLimit.AllowedValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedValuesTest {

    static Stream<Arguments> lists() {
        return Stream.of(
                // text, min, max, a value inside, a value outside, toString
                Arguments.of("(1-16)", 1, 16, 16, 17, "(1-16)"),
                Arguments.of("(0,1)", 0, 1, 1, 2, "(0,1)"),
                Arguments.of("(0-2)", 0, 2, 2, 3, "(0-2)"),
                Arguments.of("(6,8,10-24)", 6, 24, 8, 9, "(6,8,10-24)"),
                Arguments.of("(5- 60)", 5, 60, 60, 4, "(5-60)"),
                Arguments.of(" ( 0 , 7 ) ", 0, 7, 7, 3, "(0,7)"),
                Arguments.of("(0X0035,0X002F,0XFFFF)", 0x2F, 0xFFFF, 0x35, 0x36, "(53,47,65535)"),
                Arguments.of("(1-0xFFFFFFFF)", 1, 0xFFFFFFFFL, 0xFFFFFFFFL, 0, "(1-4294967295)"),
                Arguments.of("(10-300)", 10, 300, 10, 301, "(10-300)"));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void parsesTheModulesNotation(String text, long min, long max, long inside, long outside, String shown) {
        AllowedValues v = AllowedValues.parse(text).orElseThrow();
        assertEquals(min, v.min());
        assertEquals(max, v.max());
        assertTrue(v.contains(inside), "contains " + inside);
        assertFalse(v.contains(outside), "not " + outside);
        assertEquals(shown, v.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "()", "(", "0-5", "<username>", "(\"off\",\"on\")", "(0-)", "(5-1)", "(a-b)",
            "(0,,1)", "(0X)", "(0-7FFFFFFFFFFFFFFFF)", "(-1)"})
    void anythingElseIsNotAList(String text) {
        assertEquals(Optional.empty(), AllowedValues.parse(text), text);
    }

    @Test
    void nullIsNotAList() {
        assertEquals(Optional.empty(), AllowedValues.parse(null));
    }

    @Test
    void betweenIsOneRange() {
        assertEquals(List.of(new AllowedValues.Range(60, 65535)), AllowedValues.between(60, 65535).ranges());
    }

    @Property
    void whatItPrintsItParsesBack(@ForAll @IntRange(min = 0, max = 100000) int a, @ForAll @IntRange(min = 0, max = 500) int span,
            @ForAll @IntRange(min = 0, max = 100000) int single) {
        AllowedValues v = new AllowedValues(List.of(new AllowedValues.Range(a, a + span), new AllowedValues.Range(single, single)));
        assertEquals(Optional.of(v), AllowedValues.parse(v.toString()));
    }
}
