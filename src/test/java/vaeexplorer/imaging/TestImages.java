package vaeexplorer.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws and writes test images. */
final class TestImages {
    private TestImages() {
    }

    /** A w x h RGB image of background bg with a filled oval of colour ink in the middle. */
    static BufferedImage blob(int w, int h, Color bg, Color ink) {
        BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = im.createGraphics();
        g.setColor(bg);
        g.fillRect(0, 0, w, h);
        g.setColor(ink);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return im;
    }

    static Path write(BufferedImage image, String format, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) throw new IOException("no writer for " + format);
        return file;
    }
}
