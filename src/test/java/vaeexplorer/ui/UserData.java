package vaeexplorer.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Users' data for tests: folders of mixed-size colour PNG and JPEG pictures (with junk), and CSV files. */
final class UserData {
    private UserData() {}

    /** A picture of w x h: light coloured background, a dark coloured circle or square. */
    static BufferedImage picture(int w, int h, boolean circle, Random r) {
        BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = im.createGraphics();
        g.setColor(new Color(200 + r.nextInt(56), 200 + r.nextInt(56), 180 + r.nextInt(76)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(r.nextInt(90), r.nextInt(90), 40 + r.nextInt(120)));
        int s = Math.min(w, h) / 2 + r.nextInt(Math.min(w, h) / 4);
        int x = (w - s) / 2 + r.nextInt(5) - 2, y = (h - s) / 2 + r.nextInt(5) - 2;
        if (circle) g.fillOval(x, y, s, s);
        else g.fillRect(x, y, s, s);
        g.dispose();
        return im;
    }

    /** Writes count pictures of mixed sizes, every third a JPEG, into dir; returns dir. */
    static Path pictures(Path dir, int count, boolean circles, long seed) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            BufferedImage im = picture(20 + r.nextInt(60), 20 + r.nextInt(60), circles, r);
            String format = i % 3 == 2 ? "jpg" : "png";
            if (!ImageIO.write(im, format, dir.resolve(String.format("img%04d.%s", i, format)).toFile()))
                throw new IOException("no writer for " + format);
        }
        return dir;
    }

    /**
     * A labelled folder: circles/ and squares/ with perClass pictures each, plus three junk files (a corrupt PNG, an
     * empty JPEG, a text file) that the loader must skip.
     */
    static Path labelledFolderWithJunk(Path dir, int perClass) throws IOException {
        pictures(dir.resolve("circles"), perClass, true, 1);
        pictures(dir.resolve("squares"), perClass, false, 2);
        byte[] junk = new byte[300];
        new Random(3).nextBytes(junk);
        junk[0] = (byte) 0x89;
        junk[1] = 'P';
        junk[2] = 'N';
        junk[3] = 'G';
        Files.write(dir.resolve("circles").resolve("broken.png"), junk);
        Files.write(dir.resolve("squares").resolve("empty.jpg"), new byte[0]);
        Files.writeString(dir.resolve("squares").resolve("readme.txt"), "not a picture");
        return dir;
    }

    /** A CSV file with a header (label, p1..p(side*side)) and count random images of two classes. */
    static Path csv(Path file, int count, int side) throws IOException {
        Random r = new Random(4);
        StringBuilder b = new StringBuilder("label");
        for (int p = 1; p <= side * side; p++) b.append(",p").append(p);
        b.append('\n');
        for (int i = 0; i < count; i++) {
            b.append(i % 2 == 0 ? "round" : "square");
            for (int p = 0; p < side * side; p++) b.append(',').append(r.nextInt(4) == 0 ? 200 + r.nextInt(56) : 0);
            b.append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return file;
    }
}
