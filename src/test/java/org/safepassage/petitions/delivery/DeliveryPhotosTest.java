package org.safepassage.petitions.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safepassage.petitions.delivery.DeliveryPhotos.Photo;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.images.ExifOrientation;
import org.safepassage.shared.images.OrientedPhotos;
import org.springframework.util.unit.DataSize;

class DeliveryPhotosTest {

	final DeliveryPhotos photos = new DeliveryPhotos(
			new PetitionsProperties.Updates(500, Duration.ofSeconds(2), DataSize.ofKilobytes(512), 4_000_000, 1200, 3));

	/** A 1×1 lossless WebP (the image browsers' feature tests use). */
	static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	static byte[] png(int width, int height, int type) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, type), "png", out);
		return out.toByteArray();
	}

	static BufferedImage read(Photo photo) throws IOException {
		assertThat(photo.contentType()).isEqualTo("image/jpeg");
		return ImageIO.read(new ByteArrayInputStream(photo.bytes()));
	}

	@Test
	void webpAndTransparentPngBecomeJpeg() throws Exception {
		assertThat(read(photos.clean(WEBP)).getWidth()).isEqualTo(1);
		BufferedImage fromPng = read(photos.clean(png(30, 20, BufferedImage.TYPE_INT_ARGB)));
		assertThat(fromPng.getWidth()).isEqualTo(30);
		// Transparent pixels are drawn on white.
		assertThat(fromPng.getRGB(5, 5) & 0xffffff).isGreaterThan(0xf0f0f0);
	}

	@Test
	void largePhotosAreScaledToTheLongestEdgeAllowed() throws Exception {
		BufferedImage scaled = read(photos.clean(png(2400, 600, BufferedImage.TYPE_INT_RGB)));
		assertThat(scaled.getWidth()).isEqualTo(1200);
		assertThat(scaled.getHeight()).isEqualTo(300);
	}

	@Test
	void theFormatIsReadFromTheBytesAndBadFilesAreRefusedByName() throws Exception {
		assertThat(DeliveryPhotos.formatOf(WEBP)).isEqualTo("webp");
		assertThat(DeliveryPhotos.formatOf("GIF89a....".getBytes())).isNull();
		assertThatThrownBy(() -> photos.clean("GIF89a....".getBytes())).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("Not JPEG");
		assertThatThrownBy(() -> photos.clean(new byte[0])).isInstanceOf(RuleViolation.class);
		byte[] png = png(10, 10, BufferedImage.TYPE_INT_RGB);
		assertThatThrownBy(() -> photos.clean(Arrays.copyOf(png, 40))).isInstanceOfSatisfying(RuleViolation.class,
				v -> assertThat(v.messageKey()).isEqualTo("delivery.photo.unreadable"));
		assertThatThrownBy(() -> photos.clean(png(2100, 2000, BufferedImage.TYPE_BYTE_GRAY))).isInstanceOfSatisfying(
				RuleViolation.class,
				v -> assertThat(v.messageKey()).isIn("delivery.photo.tooManyPixels", "delivery.photo.tooLarge"));
		assertThatThrownBy(() -> photos.clean(new byte[600 * 1024])).isInstanceOfSatisfying(RuleViolation.class,
				v -> assertThat(v.messageKey()).isEqualTo("delivery.photo.tooLarge"));
	}

	/**
	 * A camera's photo is stored turned, with an EXIF Orientation tag; the metadata is
	 * dropped, so its turn is applied to the pixels first, for each of the 8 values.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void jpegsComeOutUprightWhateverTheirOrientation(int orientation) throws Exception {
		for (ByteOrder order : new ByteOrder[] { ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN }) {
			byte[] upload = OrientedPhotos.jpeg(orientation, order);
			assertThat(ExifOrientation.of(upload, "jpeg")).isEqualTo(orientation);
			Photo photo = photos.clean(upload);
			BufferedImage seen = read(photo);
			assertThat(seen.getWidth()).isEqualTo(OrientedPhotos.WIDTH);
			assertThat(seen.getHeight()).isEqualTo(OrientedPhotos.HEIGHT);
			assertThat(OrientedPhotos.upright(seen)).as("orientation %d, %s", orientation, order).isTrue();
			assertThat(new String(photo.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
		}
	}

	@Test
	void aPngWithAnExifChunkComesOutUprightAndScaledOnItsLongestSeenEdge() throws Exception {
		BufferedImage seen = read(photos.clean(OrientedPhotos.png(6)));
		assertThat(seen.getWidth()).isEqualTo(OrientedPhotos.WIDTH);
		assertThat(OrientedPhotos.upright(seen)).isTrue();

		DeliveryPhotos small = new DeliveryPhotos(new PetitionsProperties.Updates(500, Duration.ofSeconds(2),
				DataSize.ofKilobytes(512), 4_000_000, OrientedPhotos.WIDTH / 2, 3));
		BufferedImage scaled = read(small.clean(OrientedPhotos.jpeg(8, ByteOrder.BIG_ENDIAN)));
		assertThat(scaled.getWidth()).isEqualTo(OrientedPhotos.WIDTH / 2);
		assertThat(scaled.getHeight()).isEqualTo(OrientedPhotos.HEIGHT / 2);
		assertThat(OrientedPhotos.upright(scaled)).isTrue();
	}

	/** A broken or lying EXIF block is not a reason to refuse the photo. */
	@Test
	void aBrokenExifBlockCountsAsUpright() throws Exception {
		byte[] upload = OrientedPhotos.jpeg(6, ByteOrder.BIG_ENDIAN);
		int tiff = indexOf(upload, "Exif\0\0".getBytes(StandardCharsets.US_ASCII)) + 6;
		byte[] manyEntries = upload.clone();
		// IFD0 claims 65535 entries, far beyond the segment, none of them the
		// orientation.
		manyEntries[tiff + 8] = (byte) 0xFF;
		manyEntries[tiff + 9] = (byte) 0xFF;
		manyEntries[tiff + 11] = 0x13;
		assertThat(ExifOrientation.of(manyEntries, "jpeg")).isEqualTo(ExifOrientation.UPRIGHT);
		byte[] farOffset = upload.clone();
		farOffset[tiff + 4] = (byte) 0x7F;
		assertThat(ExifOrientation.of(farOffset, "jpeg")).isEqualTo(ExifOrientation.UPRIGHT);
		byte[] badValue = upload.clone();
		// The orientation's value: 9 is not one of the 8.
		badValue[tiff + 10 + 8 + 1] = 9;
		assertThat(ExifOrientation.of(badValue, "jpeg")).isEqualTo(ExifOrientation.UPRIGHT);
		assertThat(read(photos.clean(badValue)).getWidth()).isEqualTo(OrientedPhotos.HEIGHT);
		assertThat(ExifOrientation.of(WEBP, "webp")).isEqualTo(ExifOrientation.UPRIGHT);
		assertThat(ExifOrientation.of(png(4, 4, BufferedImage.TYPE_INT_RGB), "png")).isEqualTo(ExifOrientation.UPRIGHT);
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
				return i;
			}
		}
		throw new AssertionError("not found");
	}

}
