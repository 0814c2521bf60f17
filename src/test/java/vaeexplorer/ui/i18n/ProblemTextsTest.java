package vaeexplorer.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataProblem;
import vaeexplorer.core.data.SkippedFile;
import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.io.FileProblem;

import vaeexplorer.ui.fixtures.BrokenInputs;

/**
 * The engine's errors said in the UI's languages: every problem has a text in both, the English is exactly the
 * engine's message, and real broken files (truncated, corrupt, newer, not ours, not IDX, bad CSV lines, empty
 * folders...) get a Chinese headline and explanation that keep the file name and the position.
 */
class ProblemTextsTest {
    @TempDir
    Path tmp;

    @AfterEach
    void english() {
        I18n.useOnThisThread(null);
    }

    private static boolean han(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String in(java.util.Locale l, String key) {
        I18n.useOnThisThread(l);
        return I18n.get(key);
    }

    @Test
    void theEnglishTextsAreTheEnginesPatternsAndEveryOneHasAChineseText() {
        for (DataProblem p : DataProblem.values()) {
            if (p == DataProblem.OTHER) continue;
            String key = ProblemTexts.key("dataProblem.", p.name());
            assertEquals(p.pattern(), in(I18n.ENGLISH, key), key);
            assertTrue(han(in(I18n.CHINESE, key)), key);
            ProblemTexts.kind(p); // every problem has a kind
        }
        for (FileProblem p : FileProblem.values()) {
            if (p == FileProblem.OTHER) continue;
            String key = ProblemTexts.key("fileProblem.", p.name());
            assertEquals(p.pattern(), in(I18n.ENGLISH, key), key);
            assertTrue(han(in(I18n.CHINESE, key)), key);
        }
        for (DataProblem.Term t : DataProblem.Term.values())
            assertEquals(t.toString(), in(I18n.ENGLISH, ProblemTexts.key("dataTerm.", t.name())));
        for (FileProblem.Part p : FileProblem.Part.values())
            assertEquals(p.toString(), in(I18n.ENGLISH, ProblemTexts.key("filePart.", p.name())));
        assertEquals(DataProblem.Declared.IMAGES_PATTERN, in(I18n.ENGLISH, "dataTerm.declaredImages"));
        assertEquals(DataProblem.Declared.LABELS_PATTERN, in(I18n.ENGLISH, "dataTerm.declaredLabels"));
        for (ProblemTexts.Kind k : ProblemTexts.Kind.values()) {
            for (java.util.Locale l : I18n.SUPPORTED) {
                I18n.useOnThisThread(l);
                assertFalse(k.headline().startsWith("⟦"), k + " has a headline");
                if (k.hinted) assertFalse(k.hint().startsWith("⟦"), k + " has a hint");
                else assertTrue(I18n.get(ProblemTexts.key("problemHint.", k.name())).startsWith("⟦"), k + " has no hint");
            }
        }
    }

    @Test
    void realBrokenFilesAreExplainedInEnglishAsTheEngineSaysAndInChineseWithTheFileAndPosition() throws Exception {
        BrokenInputs broken = BrokenInputs.make(tmp);
        Map<String, ProblemTexts.Text> chinese = new HashMap<>();
        Set<String> kinds = new TreeSet<>();
        for (BrokenInputs.Case c : broken.cases) {
            I18n.useOnThisThread(I18n.ENGLISH);
            ProblemTexts.Text en = texts(c.error());
            assertEquals(c.error().getMessage(), en.explanation(), c.name() + ": English is the engine's message");
            I18n.useOnThisThread(I18n.CHINESE);
            ProblemTexts.Text zh = texts(c.error());
            chinese.put(c.name(), zh);
            String where = String.valueOf(args(c.error()).get(0));
            assertTrue(zh.explanation().contains(where), c.name() + ": names " + where + ": " + zh.explanation());
            for (String s : new String[] {zh.headline(), zh.explanation()})
                assertTrue(han(s) && !s.contains("⟦") && !s.equals(en.explanation()), c.name() + ": Chinese: " + s);
            assertNotEquals(en.headline(), zh.headline());
            kinds.add(kind(c.error()).name());
        }
        for (SkippedFile f : broken.skipped) {
            I18n.useOnThisThread(I18n.ENGLISH);
            assertEquals(f.reason(), ProblemTexts.reason(f), f.toString());
            I18n.useOnThisThread(I18n.CHINESE);
            assertTrue(han(ProblemTexts.reason(f)), f + ": " + ProblemTexts.reason(f));
        }

        assertEquals(Set.of("CANCELLED", "CHECKSUM", "CLASS_NAMES", "COUNT_MISMATCH", "CSV_LAYOUT", "CSV_ROW", "DAMAGED",
                "EMPTY", "IDX_INCOMPLETE", "INVALID_NAME", "LABELS", "MISSING", "NEWER", "NOT_A_DATA_SET", "NOT_IDX",
                "NOT_VAE_EXPLORER", "NO_READABLE_IMAGES", "SIZE_MISMATCH", "TOO_FEW_IMAGES", "TRUNCATED", "WRONG_IDX",
                "NOT_FINITE", "NOT_SAFETENSORS", "NOT_A_KNOWN_VAE", "LAYER_SIZES", "UNSUPPORTED_DTYPE", "MODEL_TOO_LARGE",
                "OTHER_FILE"), kinds, "the kinds the broken files cover");
        // .safetensors files: the tensor and the figures kept, the words Chinese
        assertEquals("不是 .safetensors 文件", chinese.get("safetensors: header length 2^40").headline());
        assertTrue(chinese.get("safetensors: header length 2^40").explanation()
                .endsWith("lying-length.safetensors：不是 .safetensors 文件：文件头声称有 1099511627776 字节，但长度字段之后文件只有 "
                        + (Files.size(tmp.resolve("safetensors/lying-length.safetensors")) - 8) + " 字节"));
        assertEquals("不支持文件中的数值类型", chinese.get("safetensors: dtype F64").headline());
        assertTrue(chinese.get("safetensors: dtype F64").explanation().endsWith("张量 fc1.weight：不支持数据类型 F64（可读取 F32、F16 和 BF16）"));
        assertTrue(chinese.get("safetensors: NaN in a real model").explanation().contains("张量 fc21.weight 的第 11 个元素为 NaN"));
        assertTrue(chinese.get("safetensors: tensors overlap").explanation().endsWith("张量 a（字节 0..8）与 b（字节 4..12）重叠"));
        assertEquals("各层的大小互不匹配", chinese.get("safetensors: a decoder that does not mirror").headline());
        assertTrue(chinese.get("safetensors: a decoder that does not mirror").explanation()
                .contains("fc3.weight 的形状为 [5, 2]，但对输入 12、隐藏层 [6]、潜空间维度 2（由 fc1 和 fc21 得出）应为 [6, 2]"));
        assertEquals("不是本程序认识的 VAE", chinese.get("safetensors: a tensor missing").headline());
        assertTrue(chinese.get("safetensors: a tensor missing").explanation().contains("但缺少 [fc22.bias]"));
        assertNotNull(chinese.get("safetensors: a tensor missing").hint());
        // what a Chinese reader is told, for the common failures
        assertEquals("文件已损坏或不完整", chinese.get("model: checksum").headline());
        assertTrue(chinese.get("model: checksum").explanation().endsWith("checksum.vaesession：文件已损坏或被截断（校验和不匹配）"));
        assertTrue(chinese.get("model: truncated").explanation().contains("校验和不匹配"));
        assertEquals("由更新版本的 VAE Explorer 创建", chinese.get("model: newer").headline());
        assertTrue(chinese.get("model: newer").explanation().contains("（文件格式 99）；本版本只能读取格式 1 及更早的格式"));
        assertEquals("不是 VAE Explorer 文件", chinese.get("model: too short").headline());
        assertEquals("文件或文件夹不存在", chinese.get("model: no such file").headline());
        assertEquals("文件不完整", chinese.get("model: params truncated").headline());
        assertTrue(chinese.get("model: trainer entries").explanation().endsWith("训练状态已损坏（声称有 1000000 项）"));
        assertEquals("不是 IDX 文件", chinese.get("text").headline());
        assertTrue(chinese.get("text").explanation().endsWith("应为图像文件（magic 2051），但文件开头的字节是 68 65 6C 6C"));
        assertTrue(chinese.get("shorter").explanation().endsWith("文件头声称有 5 张 2x2 的图像，但文件只有 28 字节"));
        assertEquals("文件不完整", chinese.get("cut.gz").headline());
        assertEquals("文件已损坏或不完整", chinese.get("bad-crc.gz").headline());
        assertTrue(chinese.get("idx folder: counts").explanation().contains("有 6 张图像，但"));
        assertTrue(chinese.get("idx folder: incomplete").explanation().contains("缺少 train-labels-idx1-ubyte[.gz]"));
        assertTrue(chinese.get("idx folder: sizes").explanation().contains("训练图像和测试图像的尺寸必须相同"));
        assertEquals("CSV 文件中有一行无效", chinese.get("csv: not a number").headline());
        assertTrue(chinese.get("csv: not a number").explanation().endsWith("第 2 行第 2 列：“zero”不是数字，应为 0 到 255 的像素值"));
        assertTrue(chinese.get("csv: columns vs header").explanation().endsWith("第 3 行有 4 列，但第一行有 5 列"));
        assertEquals("没有可加载的内容", chinese.get("folder: empty").headline());
        assertTrue(chinese.get("folder: one other file").explanation().contains("只有 1 个其他文件，例如 "));
        assertTrue(chinese.get("folder: none readable").explanation().contains("a.png：不是 PNG、JPEG、BMP 或 GIF 图像"));
        assertNotNull(chinese.get("csv: not a number").hint());
        assertNull(chinese.get("folder: empty").hint());
    }

    private static ProblemTexts.Text texts(Exception e) {
        return e instanceof DataException d ? ProblemTexts.of(d) : ProblemTexts.of((FileFormatException) e);
    }

    private static java.util.List<Object> args(Exception e) {
        java.util.List<Object> a = e instanceof DataException d ? d.args() : ((FileFormatException) e).args();
        assertFalse(a.isEmpty(), e + " has a machine-readable problem");
        return a;
    }

    private static ProblemTexts.Kind kind(Exception e) {
        return e instanceof DataException d ? ProblemTexts.kind(d.problem()) : ProblemTexts.kind(((FileFormatException) e).problem());
    }

    @Test
    void aProblemOnlyTheEngineDescribesKeepsItsWordsUnderATranslatedHeadline() {
        DataException e = new DataException("somewhere: something odd");
        I18n.useOnThisThread(I18n.CHINESE);
        ProblemTexts.Text t = ProblemTexts.of(e);
        assertEquals("无法加载数据", t.headline());
        assertEquals("somewhere: something odd", t.explanation());
        assertEquals("无法加载数据\nsomewhere: something odd", t.lines());
    }

    @Test
    void fileSystemFailuresOfWritesAreTranslated() {
        Path file = tmp.resolve("out.png");
        Path missing = tmp.resolve("gone/out.png");
        assertEquals(file + ": permission denied", ProblemTexts.io(file, new AccessDeniedException(file.toString())));
        assertEquals(missing.getParent() + ": no such folder", ProblemTexts.io(missing, new java.io.IOException("x")));
        assertEquals(file + ": boom", ProblemTexts.io(file, new java.io.IOException("boom")));
        I18n.useOnThisThread(I18n.CHINESE);
        assertEquals(file + "：没有权限", ProblemTexts.io(file, new AccessDeniedException(file.toString())));
        assertEquals(missing.getParent() + "：文件夹不存在", ProblemTexts.io(missing, new java.io.IOException("x")));
        assertEquals("文件 " + file + "：boom", ProblemTexts.io(file, new java.io.IOException("boom")));
    }
}
