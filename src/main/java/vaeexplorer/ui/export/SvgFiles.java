package vaeexplorer.ui.export;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Document;

import vaeexplorer.core.io.AtomicFiles;

/**
 * Vector figures: whatever draws into a Graphics2D (JFreeChart, the scatter figure) written as an SVG document through
 * Apache Batik's SVGGraphics2D, atomically. Text stays text (searchable, editable in Inkscape or PowerPoint).
 */
final class SvgFiles {
    private SvgFiles() {}

    static void write(Path file, int width, int height, Consumer<Graphics2D> draw) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IOException(e.getMessage(), e);
        }
        SVGGraphics2D g = new SVGGraphics2D(doc);
        g.setSVGCanvasSize(new Dimension(width, height));
        draw.accept(g);
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            g.stream(w, true);
            w.flush();
        });
    }
}
