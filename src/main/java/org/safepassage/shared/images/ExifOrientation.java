package org.safepassage.shared.images;

import java.awt.geom.AffineTransform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;

/**
 * The EXIF Orientation of a photo (TIFF tag 274): how the stored pixels must be turned to
 * be seen upright. A phone stores a portrait photo as a landscape one with this tag, so
 * once the metadata is dropped the pixels must be turned first, or the photo comes out
 * sideways.
 * <p>
 * The EXIF block is found in a JPEG's APP1 segment (by TwelveMonkeys' segment reader), a
 * PNG's {@code eXIf} chunk or a WebP's {@code EXIF} chunk. Of it only IFD0 is read, and
 * only its entry count and 12-byte entries, within the block's own bytes: a crafted block
 * can make this read nothing, never allocate or seek beyond it. Anything unreadable
 * counts as upright (value 1), the photo is still accepted.
 */
public final class ExifOrientation {

	/** Upright: the stored pixels are the picture as seen. */
	public static final int UPRIGHT = 1;

	private static final int TAG_ORIENTATION = 0x0112;

	private static final int TYPE_SHORT = 3;

	private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

	private ExifOrientation() {
	}

	/** The orientation, 1 to 8, of a photo in the given format; 1 when it has none. */
	public static int of(byte[] photo, String format) {
		try {
			byte[] exif = switch (format) {
				case "jpeg" -> jpegExif(photo);
				case "png" -> chunk(photo, 8, "eXIf", ByteOrder.BIG_ENDIAN);
				case "webp" -> chunk(photo, 12, "EXIF", ByteOrder.LITTLE_ENDIAN);
				default -> null;
			};
			return exif == null ? UPRIGHT : fromTiff(exif);
		}
		catch (IOException | RuntimeException e) {
			return UPRIGHT;
		}
	}

	/** The size of the picture as seen: width and height swap for values 5 to 8. */
	public static boolean swapsSides(int orientation) {
		return orientation >= 5 && orientation <= 8;
	}

	/**
	 * Maps the stored pixels of a {@code width}×{@code height} image onto the picture as
	 * seen (EXIF 2.3, tag 274: which visual side the 0th row and 0th column are).
	 */
	public static AffineTransform transform(int orientation, int width, int height) {
		return switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, width, height);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, height);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, height, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, height, width);
			case 8 -> new AffineTransform(0, -1, 1, 0, 0, width);
			default -> new AffineTransform();
		};
	}

	private static byte[] jpegExif(byte[] jpeg) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
			List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
			for (JPEGSegment segment : segments) {
				try (InputStream data = segment.segmentData()) {
					byte[] bytes = data.readAllBytes();
					if (startsWith(bytes, EXIF_HEADER)) {
						return Arrays.copyOfRange(bytes, EXIF_HEADER.length, bytes.length);
					}
				}
			}
			return null;
		}
	}

	/**
	 * The data of the first chunk of this type in a PNG (big-endian lengths, a CRC after
	 * each) or a RIFF/WebP file (little-endian sizes, padded to even).
	 */
	private static byte[] chunk(byte[] file, int start, String type, ByteOrder order) {
		boolean png = order == ByteOrder.BIG_ENDIAN;
		ByteBuffer buffer = ByteBuffer.wrap(file).order(order);
		int at = start;
		while (at + 8 <= file.length) {
			long length = png ? Integer.toUnsignedLong(buffer.getInt(at))
					: Integer.toUnsignedLong(buffer.getInt(at + 4));
			String name = new String(file, png ? at + 4 : at, 4, StandardCharsets.US_ASCII);
			int data = at + 8;
			if (length > file.length - data) {
				return null;
			}
			if (name.equals(type)) {
				byte[] bytes = Arrays.copyOfRange(file, data, data + (int) length);
				// Some writers keep the JPEG's "Exif\0\0" before the TIFF data.
				return startsWith(bytes, EXIF_HEADER) ? Arrays.copyOfRange(bytes, EXIF_HEADER.length, bytes.length)
						: bytes;
			}
			long next = data + length + (png ? 4 : (length & 1));
			if (next > file.length) {
				return null;
			}
			at = (int) next;
		}
		return null;
	}

	/** Tag 274 of IFD0 of a TIFF block, if it holds 1 to 8. */
	private static int fromTiff(byte[] tiff) {
		if (tiff.length < 8) {
			return UPRIGHT;
		}
		ByteOrder order;
		if (tiff[0] == 'I' && tiff[1] == 'I') {
			order = ByteOrder.LITTLE_ENDIAN;
		}
		else if (tiff[0] == 'M' && tiff[1] == 'M') {
			order = ByteOrder.BIG_ENDIAN;
		}
		else {
			return UPRIGHT;
		}
		ByteBuffer b = ByteBuffer.wrap(tiff).order(order);
		if (Short.toUnsignedInt(b.getShort(2)) != 42) {
			return UPRIGHT;
		}
		long ifd = Integer.toUnsignedLong(b.getInt(4));
		if (ifd < 8 || ifd + 2 > tiff.length) {
			return UPRIGHT;
		}
		int entries = Short.toUnsignedInt(b.getShort((int) ifd));
		for (int i = 0; i < entries; i++) {
			long entry = ifd + 2 + 12L * i;
			if (entry + 12 > tiff.length) {
				return UPRIGHT;
			}
			int tag = Short.toUnsignedInt(b.getShort((int) entry));
			if (tag == TAG_ORIENTATION) {
				int type = Short.toUnsignedInt(b.getShort((int) entry + 2));
				int value = Short.toUnsignedInt(b.getShort((int) entry + 8));
				return (type == TYPE_SHORT && value >= 1 && value <= 8) ? value : UPRIGHT;
			}
		}
		return UPRIGHT;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

}
