package org.safepassage.petitions.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.safepassage.petitions.delivery.DeliveryPhotos.Photo;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.shared.RuleViolation;
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

}
