package org.safepassage.shared.images;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Photos as a camera stores them: the pixels turned, and an EXIF Orientation tag saying
 * how to show them. The picture as seen is {@link #WIDTH}×{@link #HEIGHT} with four
 * coloured quarters, so a photo shown sideways or mirrored is told apart from an upright
 * one. The turning follows the EXIF 2.3 definition of tag 274 (which visual side the 0th
 * row and the 0th column are), written out here independently of the code under test.
 */
public final class OrientedPhotos {

	public static final int WIDTH = 96;

	public static final int HEIGHT = 48;

	public static final Color TOP_LEFT = new Color(220, 30, 30);

	public static final Color TOP_RIGHT = new Color(30, 200, 30);

	public static final Color BOTTOM_LEFT = new Color(30, 30, 220);

	public static final Color BOTTOM_RIGHT = new Color(240, 240, 240);

	private OrientedPhotos() {
	}

	/** The colour of the picture as seen at (x, y). */
	public static Color seen(int x, int y) {
		boolean left = x < WIDTH / 2;
		boolean top = y < HEIGHT / 2;
		return top ? (left ? TOP_LEFT : TOP_RIGHT) : (left ? BOTTOM_LEFT : BOTTOM_RIGHT);
	}

	/** The pixels as stored by a camera for this orientation. */
	public static BufferedImage stored(int orientation) {
		boolean swapped = orientation >= 5;
		int width = swapped ? HEIGHT : WIDTH;
		int height = swapped ? WIDTH : HEIGHT;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int seenX;
				int seenY;
				switch (orientation) {
					// 0th row is the visual top / bottom, 0th column the visual left /
					// right
					case 1 -> {
						seenX = x;
						seenY = y;
					}
					case 2 -> {
						seenX = width - 1 - x;
						seenY = y;
					}
					case 3 -> {
						seenX = width - 1 - x;
						seenY = height - 1 - y;
					}
					case 4 -> {
						seenX = x;
						seenY = height - 1 - y;
					}
					// 0th row is the visual left / right, 0th column the visual top /
					// bottom
					case 5 -> {
						seenX = y;
						seenY = x;
					}
					case 6 -> {
						seenX = height - 1 - y;
						seenY = x;
					}
					case 7 -> {
						seenX = height - 1 - y;
						seenY = width - 1 - x;
					}
					case 8 -> {
						seenX = y;
						seenY = width - 1 - x;
					}
					default -> throw new IllegalArgumentException("Orientation " + orientation);
				}
				image.setRGB(x, y, seen(seenX, seenY).getRGB());
			}
		}
		return image;
	}

	/**
	 * A TIFF block whose IFD0 holds the orientation and a GPS pointer, then a GPS IFD
	 * with a latitude reference, as a phone writes it.
	 */
	public static byte[] tiff(int orientation, ByteOrder order) {
		ByteBuffer b = ByteBuffer.allocate(64).order(order);
		b.put(order == ByteOrder.BIG_ENDIAN ? new byte[] { 'M', 'M' } : new byte[] { 'I', 'I' });
		b.putShort((short) 42).putInt(8);
		// IFD0 at 8: two entries, then the offset of the next IFD (none).
		b.putShort((short) 2);
		b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
		b.putInt(0);
		// GPS IFD at 38: GPSLatitudeRef "N".
		b.putShort((short) 1);
		b.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
		b.putInt(0);
		byte[] tiff = new byte[b.position()];
		b.flip().get(tiff);
		return tiff;
	}

	/** A JPEG of the stored pixels with an APP1 Exif segment after its JFIF header. */
	public static byte[] jpeg(int orientation, ByteOrder order) throws IOException {
		byte[] jpeg = encode(stored(orientation), "jpeg");
		byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff(orientation, order));
		int app0End = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, app0End);
		out.write(0xFF);
		out.write(0xE1);
		out.write((exif.length + 2) >> 8);
		out.write(exif.length + 2);
		out.write(exif);
		out.write(jpeg, app0End, jpeg.length - app0End);
		return out.toByteArray();
	}

	/** A PNG of the stored pixels with an {@code eXIf} chunk before its image data. */
	public static byte[] png(int orientation) throws IOException {
		byte[] png = encode(stored(orientation), "png");
		int ihdrEnd = 8 + 4 + 4 + 13 + 4;
		byte[] data = tiff(orientation, ByteOrder.BIG_ENDIAN);
		byte[] type = "eXIf".getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(type);
		crc.update(data);
		ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
		chunk.putInt(data.length).put(type).put(data).putInt((int) crc.getValue());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, ihdrEnd);
		out.write(chunk.array());
		out.write(png, ihdrEnd, png.length - ihdrEnd);
		return out.toByteArray();
	}

	public static byte[] encode(BufferedImage image, String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	public static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	/** Whether the picture seen is upright: each quarter's middle has its colour. */
	public static boolean upright(BufferedImage seen) {
		int w = seen.getWidth();
		int h = seen.getHeight();
		return close(seen.getRGB(w / 4, h / 4), TOP_LEFT) && close(seen.getRGB(3 * w / 4, h / 4), TOP_RIGHT)
				&& close(seen.getRGB(w / 4, 3 * h / 4), BOTTOM_LEFT)
				&& close(seen.getRGB(3 * w / 4, 3 * h / 4), BOTTOM_RIGHT);
	}

	private static boolean close(int rgb, Color expected) {
		Color c = new Color(rgb);
		return Math.abs(c.getRed() - expected.getRed()) < 40 && Math.abs(c.getGreen() - expected.getGreen()) < 40
				&& Math.abs(c.getBlue() - expected.getBlue()) < 40;
	}

}
