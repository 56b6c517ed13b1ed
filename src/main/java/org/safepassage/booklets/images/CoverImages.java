package org.safepassage.booklets.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.safepassage.booklets.domain.BookletRepository.Cover;
import org.safepassage.booklets.domain.BookletsProperties;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.images.ExifOrientation;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded cover into one we serve: the file must be a JPEG, PNG or WebP image
 * by its content (not its name or the type the browser claims), of bounded size and pixel
 * count (read from its header before any decoding, so a small file that decodes to
 * gigabytes is refused), and is drawn again onto a white canvas at most
 * {@code cover.width} wide and written as a new JPEG. Only pixels survive: EXIF (camera,
 * GPS position, owner), XMP, ICC profiles and comments are not copied. Before the EXIF
 * goes, its orientation is applied to the pixels ({@link ExifOrientation}), so a phone
 * photo of a printed booklet stays upright.
 */
@Component
public class CoverImages {

	private static final Set<String> ACCEPTED = Set.of("jpeg", "png", "webp");

	public static final String MEDIA_TYPE = "image/jpeg";

	private final BookletsProperties.Cover limits;

	CoverImages(BookletsProperties properties) {
		this.limits = properties.cover();
	}

	/**
	 * @param declaredSize the upload's size as the server received it
	 * @throws RuleViolation {@code booklets.cover.tooLarge} or
	 * {@code booklets.cover.notAnImage}, for the staff's form
	 */
	public Cover accept(InputStream upload, long declaredSize) {
		if (declaredSize > limits.maxUpload().toBytes()) {
			throw new RuleViolation("booklets.cover.tooLarge", "The cover file is too large");
		}
		byte[] bytes;
		try {
			bytes = upload.readNBytes((int) limits.maxUpload().toBytes() + 1);
		}
		catch (IOException e) {
			throw new RuleViolation("booklets.cover.notAnImage", "The cover could not be read");
		}
		if (bytes.length > limits.maxUpload().toBytes()) {
			throw new RuleViolation("booklets.cover.tooLarge", "The cover file is too large");
		}
		return encode(decode(bytes));
	}

	/** Writes a drawn or decoded image as a cover (the demo draws its own). */
	public Cover encode(BufferedImage source) {
		int width = Math.min(source.getWidth(), limits.width());
		int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
		BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = canvas.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(canvas, null, null), param);
		}
		catch (IOException e) {
			throw new IllegalStateException("Writing a JPEG to memory failed", e);
		}
		finally {
			writer.dispose();
		}
		return new Cover(out.toByteArray(), MEDIA_TYPE, Instant.EPOCH);
	}

	/**
	 * The picture as seen: the stored pixels turned or mirrored as the EXIF orientation
	 * says (width and height swap for values 5 to 8).
	 */
	private static BufferedImage upright(BufferedImage stored, int orientation) {
		if (orientation == ExifOrientation.UPRIGHT) {
			return stored;
		}
		boolean swap = ExifOrientation.swapsSides(orientation);
		int width = swap ? stored.getHeight() : stored.getWidth();
		int height = swap ? stored.getWidth() : stored.getHeight();
		BufferedImage seen = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = seen.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(stored, ExifOrientation.transform(orientation, stored.getWidth(), stored.getHeight()), null);
		}
		finally {
			g.dispose();
		}
		return seen;
	}

	private BufferedImage decode(byte[] bytes) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
			if (readers == null || !readers.hasNext()) {
				throw notAnImage();
			}
			ImageReader reader = readers.next();
			try {
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				if (!ACCEPTED.contains(format)) {
					throw notAnImage();
				}
				reader.setInput(input, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || width * height > limits.maxPixels()) {
					throw new RuleViolation("booklets.cover.tooManyPixels", "The cover has too many pixels");
				}
				return upright(reader.read(0), ExifOrientation.of(bytes, format));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof RuleViolation violation) {
				throw violation;
			}
			throw notAnImage();
		}
	}

	private static RuleViolation notAnImage() {
		return new RuleViolation("booklets.cover.notAnImage", "The cover is not a JPEG, PNG or WebP image");
	}

}
