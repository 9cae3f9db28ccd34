package org.delib.reports.pv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PdfFontsTest {

    /** Every character below Latin Extended-B, controls included: the ones a face may show without its caches. */
    private static final String LATIN = IntStream.range(0, 0x180).mapToObj(Character::toString)
            .collect(Collectors.joining());

    @Test
    void glyphIdsAreEscapedWhereALiteralStringNeedsIt() {
        assertThat(PdfFonts.Face.glyph(0x2829)).isEqualTo(new byte[] {'\\', '(', '\\', ')'});
        assertThat(PdfFonts.Face.glyph(0x0A5C)).isEqualTo(new byte[] {'\\', 'n', '\\', '\\'});
        assertThat(PdfFonts.Face.glyph(0x0D00)).isEqualTo(new byte[] {'\\', 'r', 0});
        assertThat(PdfFonts.Face.glyph(0x015D)).isEqualTo(new byte[] {1, 0x5D});
    }

    @Test
    void latinTextIsPrintedAndEncodedAsTheGeneralPathWould() throws Exception {
        try (PdfFonts fonts = new PdfFonts()) {
            for (PdfFonts.Face face : List.of(fonts.full(), fonts.latin())) {
                List<String> texts = new ArrayList<>(List.of(LATIN, "L1-S1-UE2", "12.50", "ADM", "", " ",
                        "Intitulé", "Ndèye Aïssatou Œuvre", "a\u00A0b\u00ADc"));
                LATIN.chars().forEach(c -> texts.add(Character.toString(c)));
                for (String s : texts) {
                    assertThat(face.printable(s)).isEqualTo(face.compose(s));
                    assertThat(face.glyphs(face.printable(s))).isEqualTo(face.encode(face.compose(s)));
                }
            }
            // Outside plain ASCII, still composed: a tab is a space, a decomposed accent one glyph.
            assertThat(fonts.full().printable("a\tb")).isEqualTo("a b");
            assertThat(fonts.full().printable("Ame\u0301lie")).isEqualTo("Amélie");
            assertThat(fonts.full().glyphs("Amélie")).isEqualTo(fonts.full().encode("Amélie"));
        }
    }
}
