package org.safepassage.petitions.delivery;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.images.ExifOrientation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded delivery photo into one safe to publish. The format is read from the
 * bytes, never the file name: JPEG, PNG or WebP only. The size in pixels is checked
 * before decoding (a small file can claim a huge image), and the picture is drawn again
 * into a new JPEG with no metadata, so the camera's GPS position, time and serial number
 * never reach the public page. Before the metadata goes, its EXIF orientation is applied
 * to the pixels ({@link ExifOrientation}), so a phone's portrait photo stays upright.
 */
@Component
public class DeliveryPhotos {

	/** A photo ready to store and serve. */
	public record Photo(byte[] bytes, String contentType, String etag) {
	}

	private final PetitionsProperties.Updates limits;

	@Autowired
	DeliveryPhotos(PetitionsProperties properties) {
		this(properties.updates());
	}

	DeliveryPhotos(PetitionsProperties.Updates limits) {
		this.limits = limits;
		// Inside the application jar the WebP reader is found only through the context
		// class loader.
		ImageIO.scanForPlugins();
		ImageIO.setUseCache(false);
	}

	/**
	 * @throws RuleViolation naming what is wrong with the upload
	 */
	public Photo clean(byte[] upload) {
		if (upload.length == 0) {
			throw new RuleViolation("delivery.photo.empty", "Empty upload");
		}
		if (upload.length > limits.photoMaxBytes().toBytes()) {
			throw new RuleViolation("delivery.photo.tooLarge", "Photo of " + upload.length + " bytes");
		}
		String format = formatOf(upload);
		if (format == null) {
			throw new RuleViolation("delivery.photo.notAnImage", "Not JPEG, PNG or WebP");
		}
		int orientation = ExifOrientation.of(upload, format);
		byte[] jpeg = encode(redraw(decode(upload, format), orientation));
		return new Photo(jpeg, "image/jpeg", etag(jpeg));
	}

	/** JPEG, PNG or WebP by their first bytes; anything else is null. */
	static String formatOf(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
			return "jpeg";
		}
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		if (b.length >= 8 && Arrays.equals(b, 0, 8, png, 0, 8)) {
			return "png";
		}
		if (b.length >= 12 && new String(b, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
				&& new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
			return "webp";
		}
		return null;
	}

	private BufferedImage decode(byte[] upload, String format) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			throw new IllegalStateException("No image reader for " + format);
		}
		ImageReader reader = readers.next();
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			reader.setInput(in, true, true);
			long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
			if (pixels > limits.photoMaxPixels()) {
				throw new RuleViolation("delivery.photo.tooManyPixels", pixels + " pixels");
			}
			return reader.read(0);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof RuleViolation violation) {
				throw violation;
			}
			throw new RuleViolation("delivery.photo.unreadable", "Unreadable " + format + ": " + e);
		}
		finally {
			reader.dispose();
		}
	}

	/**
	 * Upright as the EXIF orientation says, into plain RGB on white (transparency has no
	 * meaning in JPEG), no larger than the limit.
	 */
	private BufferedImage redraw(BufferedImage image, int orientation) {
		boolean swap = ExifOrientation.swapsSides(orientation);
		int seenWidth = swap ? image.getHeight() : image.getWidth();
		int seenHeight = swap ? image.getWidth() : image.getHeight();
		double scale = Math.min(1.0, (double) limits.photoMaxEdge() / Math.max(seenWidth, seenHeight));
		int width = Math.max(1, (int) Math.round(seenWidth * scale));
		int height = Math.max(1, (int) Math.round(seenHeight * scale));
		BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			g.scale((double) width / seenWidth, (double) height / seenHeight);
			g.drawImage(image, ExifOrientation.transform(orientation, image.getWidth(), image.getHeight()), null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

	private static byte[] encode(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.88f);
			// No metadata given: the writer adds only the bare JFIF header.
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException e) {
			throw new IllegalStateException("Writing a JPEG to memory failed", e);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static String etag(byte[] photo) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(photo);
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is required by every JVM", e);
		}
	}

}
