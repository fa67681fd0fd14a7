package org.assay.connectors.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetEvidenceTest {

    private static final String FRENCH = "Le cœur de Françoise s'émeut à la vue de l'été à Besançon; "
            + "Gérard préfère la fraîcheur des forêts et des châteaux de la Loire.\n";
    private static final String GERMAN = "Jürgen Müller aus München fährt über die Straße nach Köln; "
            + "Größe und Schönheit der Brücke überraschen ihn.\n";
    private static final String CHINESE = "在一个阳光明媚的早晨，小明和他的朋友们一起去公园散步。他们看到了许多美丽的花朵和"
            + "高大的树木，还听到了鸟儿欢快的歌声。客户张伟住在北京市朝阳区建国路88号。\n";

    private static CharsetEvidence.Choice choose(String text, Charset charset) {
        byte[] b = text.getBytes(charset);
        return CharsetEvidence.of(b, 0, true).choose();
    }

    @Test
    void latin1ProseIsWindows1252() {
        CharsetEvidence.Choice c = choose(FRENCH + GERMAN, StandardCharsets.ISO_8859_1);
        assertEquals(CharsetEvidence.WINDOWS_1252, c.charset());
        assertTrue(c.reason().startsWith("not valid UTF-8; "), c.reason());
        assertTrue(c.reason().endsWith("of them single bytes, as accented letters are in windows-1252 (ISO-8859-1)"),
                c.reason());
    }

    @Test
    void chineseProseIsGb18030AlsoAsGbk() {
        assertEquals(CharsetEvidence.GB18030, choose(CHINESE, Charset.forName("GB18030")).charset());
        assertEquals(CharsetEvidence.GB18030, choose(CHINESE, Charset.forName("GBK")).charset());
        assertEquals(CharsetEvidence.GB18030, choose("姓名,城市\n王芳,上海\n", Charset.forName("GB18030")).charset());
    }

    @Test
    void latin1WouldHaveDecodedAsGb18030WithoutAnError() {
        byte[] b = "Françoise".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(CharsetEvidence.decodes(b, 0, CharsetEvidence.GB18030, true),
                "the old fallback read this as Fran\u93fbise without a word: why statistics are needed");
        assertEquals(CharsetEvidence.WINDOWS_1252, CharsetEvidence.of(b, 0, true).choose().charset());
    }

    @Test
    void unclearBytesAreNotGuessed() {
        // Half Latin-1 accents, half Chinese pairs: neither picture is clear.
        byte[] latin = "Renée Côté, Zoë".getBytes(StandardCharsets.ISO_8859_1);
        byte[] chinese = ",张伟,北京,上海,广州".getBytes(Charset.forName("GB18030"));
        byte[] both = new byte[latin.length + chinese.length];
        System.arraycopy(latin, 0, both, 0, latin.length);
        System.arraycopy(chinese, 0, both, latin.length, chinese.length);
        CharsetEvidence.Choice c = CharsetEvidence.of(both, 0, true).choose();
        assertNull(c.charset());
        assertTrue(c.reason().startsWith("it is not UTF-8 and its bytes ("), c.reason());
    }
}
