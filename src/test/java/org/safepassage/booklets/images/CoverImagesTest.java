package org.safepassage.booklets.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safepassage.booklets.domain.BookletRepository.Cover;
import org.safepassage.booklets.domain.BookletsProperties;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.images.ExifOrientation;
import org.safepassage.shared.images.OrientedPhotos;
import org.springframework.util.unit.DataSize;

/**
 * Covers are checked by content, bounded before decoding, and written again without
 * metadata.
 */
class CoverImagesTest {

	/** A 1×1 lossy WebP (the image browsers' feature tests use). */
	static final String WEBP = "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA";

	final CoverImages covers = new CoverImages(new BookletsProperties(List.of("en"), List.of("GB"), Duration.ofDays(7),
			Duration.ofDays(90), Duration.ofDays(90), Duration.ofDays(1),
			new BookletsProperties.Cover(DataSize.ofKilobytes(200), 4_000_000, 800),
			new BookletsProperties.Limits(true, 3, Duration.ofMinutes(1), 10, Duration.ofHours(1), List.of())));

	static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, width, height);
		g.dispose();
		return image;
	}

	/** A JPEG carrying a comment, as a camera's EXIF block would ride along. */
	static byte[] jpegWithComment(String comment) throws Exception {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		BufferedImage image = picture(40, 30);
		IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image),
				writer.getDefaultWriteParam());
		IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
		IIOMetadataNode com = new IIOMetadataNode("com");
		com.setAttribute("comment", comment);
		((IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0)).appendChild(com);
		metadata.setFromTree("javax_imageio_jpeg_image_1.0", root);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(new IIOImage(image, null, metadata));
		}
		writer.dispose();
		return out.toByteArray();
	}

	Cover accept(byte[] bytes) {
		return covers.accept(new ByteArrayInputStream(bytes), bytes.length);
	}

	@Test
	void aJpegIsWrittenAgainWithoutItsMetadata() throws Exception {
		byte[] original = jpegWithComment("GPS 38.99N 125.74E owner Example");
		assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains("GPS 38.99N");
		Cover cover = accept(original);
		assertThat(cover.mediaType()).isEqualTo("image/jpeg");
		assertThat(new String(cover.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS")
			.doesNotContain("owner");
		BufferedImage read = ImageIO.read(new ByteArrayInputStream(cover.bytes()));
		assertThat(read.getWidth()).isEqualTo(40);
		assertThat(read.getHeight()).isEqualTo(30);
	}

	@Test
	void aWebpIsReadAndAPngIsScaledDown() throws Exception {
		Cover webp = accept(Base64.getDecoder().decode(WEBP));
		assertThat(ImageIO.read(new ByteArrayInputStream(webp.bytes())).getWidth()).isEqualTo(1);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(picture(1000, 500), "png", png);
		BufferedImage scaled = ImageIO.read(new ByteArrayInputStream(accept(png.toByteArray()).bytes()));
		assertThat(scaled.getWidth()).isEqualTo(800);
		assertThat(scaled.getHeight()).isEqualTo(400);
	}

	@Test
	void textGifsLargeFilesAndTooManyPixelsAreRefused() throws Exception {
		assertThatThrownBy(() -> accept("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(RuleViolation.class)
			.hasFieldOrPropertyWithValue("messageKey", "booklets.cover.notAnImage");
		ByteArrayOutputStream gif = new ByteArrayOutputStream();
		ImageIO.write(picture(10, 10), "gif", gif);
		assertThatThrownBy(() -> accept(gif.toByteArray())).hasFieldOrPropertyWithValue("messageKey",
				"booklets.cover.notAnImage");
		assertThatThrownBy(() -> covers.accept(new ByteArrayInputStream(new byte[10]), 300_000))
			.hasFieldOrPropertyWithValue("messageKey", "booklets.cover.tooLarge");
		// 5000 × 1000 pixels: small as a PNG file, over the 4 megapixels allowed here.
		ByteArrayOutputStream wide = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(5000, 1000, BufferedImage.TYPE_BYTE_BINARY), "png", wide);
		assertThat(wide.size()).isLessThan(200_000);
		assertThatThrownBy(() -> accept(wide.toByteArray())).hasFieldOrPropertyWithValue("messageKey",
				"booklets.cover.tooManyPixels");
	}

	/**
	 * A phone stores a photo of a cover turned, with an EXIF Orientation tag; the cover
	 * is written upright and the tag (and the GPS block beside it) is gone.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void aPhoneCoverComesOutUprightWithoutItsExif(int orientation) throws Exception {
		for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
			byte[] upload = OrientedPhotos.jpeg(orientation, order);
			Cover cover = accept(upload);
			assertThat(new String(cover.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
			assertThat(ExifOrientation.of(cover.bytes(), "jpeg")).isEqualTo(ExifOrientation.UPRIGHT);
			BufferedImage seen = ImageIO.read(new ByteArrayInputStream(cover.bytes()));
			assertThat(seen.getWidth()).isEqualTo(OrientedPhotos.WIDTH);
			assertThat(seen.getHeight()).isEqualTo(OrientedPhotos.HEIGHT);
			assertThat(OrientedPhotos.upright(seen)).as("orientation %d, %s", orientation, order).isTrue();
		}
	}

	@Test
	void aPngCoverWithAnExifChunkIsTurnedToo() throws Exception {
		BufferedImage seen = ImageIO.read(new ByteArrayInputStream(accept(OrientedPhotos.png(6)).bytes()));
		assertThat(seen.getWidth()).isEqualTo(OrientedPhotos.WIDTH);
		assertThat(seen.getHeight()).isEqualTo(OrientedPhotos.HEIGHT);
		assertThat(OrientedPhotos.upright(seen)).isTrue();
	}

	@Test
	void aTurnedCoverIsScaledToTheWidthAsSeen() throws Exception {
		CoverImages narrow = new CoverImages(new BookletsProperties(List.of("en"), List.of("GB"), Duration.ofDays(7),
				Duration.ofDays(90), Duration.ofDays(90), Duration.ofDays(1),
				new BookletsProperties.Cover(DataSize.ofKilobytes(200), 4_000_000, OrientedPhotos.WIDTH / 2),
				new BookletsProperties.Limits(true, 3, Duration.ofMinutes(1), 10, Duration.ofHours(1), List.of())));
		byte[] upload = OrientedPhotos.jpeg(8, ByteOrder.BIG_ENDIAN);
		BufferedImage seen = ImageIO
			.read(new ByteArrayInputStream(narrow.accept(new ByteArrayInputStream(upload), upload.length).bytes()));
		assertThat(seen.getWidth()).isEqualTo(OrientedPhotos.WIDTH / 2);
		assertThat(seen.getHeight()).isEqualTo(OrientedPhotos.HEIGHT / 2);
		assertThat(OrientedPhotos.upright(seen)).isTrue();
	}

}
