package org.delib.reports.pv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PdfFontsTest {

    private static final String ASCII = IntStream.rangeClosed(' ', '~').mapToObj(Character::toString)
            .collect(Collectors.joining());

    @Test
    void glyphIdsAreEscapedWhereALiteralStringNeedsIt() {
        assertThat(PdfFonts.Face.glyph(0x2829)).isEqualTo(new byte[] {'\\', '(', '\\', ')'});
        assertThat(PdfFonts.Face.glyph(0x0A5C)).isEqualTo(new byte[] {'\\', 'n', '\\', '\\'});
        assertThat(PdfFonts.Face.glyph(0x0D00)).isEqualTo(new byte[] {'\\', 'r', 0});
        assertThat(PdfFonts.Face.glyph(0x015D)).isEqualTo(new byte[] {1, 0x5D});
    }

    @Test
    void plainAsciiIsPrintedAndEncodedAsTheGeneralPathWould() throws Exception {
        try (PdfFonts fonts = new PdfFonts()) {
            for (PdfFonts.Face face : List.of(fonts.full(), fonts.latin())) {
                for (String s : List.of(ASCII, "L1-S1-UE2", "12.50", "ADM", "", " ")) {
                    assertThat(face.printable(s)).isEqualTo(face.compose(s));
                    assertThat(new String(face.glyphs(face.printable(s)), StandardCharsets.US_ASCII))
                            .isEqualTo(new String(face.encode(face.compose(s)), StandardCharsets.US_ASCII));
                }
            }
            // Outside plain ASCII, still composed: a tab is a space, a decomposed accent one glyph.
            assertThat(fonts.full().printable("a\tb")).isEqualTo("a b");
            assertThat(fonts.full().printable("Ame\u0301lie")).isEqualTo("Amélie");
            assertThat(fonts.full().glyphs("Amélie")).isEqualTo(fonts.full().encode("Amélie"));
        }
    }
}
