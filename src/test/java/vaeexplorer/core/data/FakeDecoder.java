package vaeexplorer.core.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import vaeexplorer.core.data.images.GreyImage;
import vaeexplorer.core.data.images.ImageDecoder;

/** A test decoder for binary PGM ("P5 w h 255" then bytes), whatever the file is called. */
public final class FakeDecoder implements ImageDecoder {
    public int decoded;

    @Override
    public GreyImage decode(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        String head = new String(all, 0, Math.min(all.length, 32), StandardCharsets.US_ASCII);
        String[] parts = head.split("\\s+", 5);
        if (parts.length < 5 || !parts[0].equals("P5")) throw new IOException("not a PGM image");
        int w = Integer.parseInt(parts[1]), h = Integer.parseInt(parts[2]);
        int start = all.length - w * h;
        byte[] px = new byte[w * h];
        System.arraycopy(all, start, px, 0, px.length);
        decoded++;
        return new GreyImage(w, h, px);
    }

    /** Writes a w x h PGM of background bg with a vertical line of value ink in the middle column. */
    public static Path write(Path file, int w, int h, int bg, int ink) throws IOException {
        byte[] head = ("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        byte[] px = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) px[y * w + x] = (byte) (x == w / 2 ? ink : bg);
        Files.createDirectories(file.getParent());
        return Files.write(file, IdxBytes.concat(head, px));
    }
}
