package org.safepassage.petitions.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.shared.images.ExifOrientation;
import org.safepassage.shared.images.OrientedPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A phone's portrait photo of the delivery, stored sideways with an EXIF Orientation of 6
 * (turn 90° clockwise) and a GPS block, is published upright, without its EXIF.
 */
class DeliveryPhotoOrientationIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository repository;

	@Autowired
	PetitionAdministration administration;

	@Test
	void aPhoneStoredPhotoIsPublishedUprightWithoutItsExif() throws Exception {
		long id = Petitions.openPetition(repository, "Delivered, photographed on a phone");
		administration.close(id);
		byte[] photo = OrientedPhotos.jpeg(6, ByteOrder.BIG_ENDIAN);
		BufferedImage stored = ImageIO.read(new ByteArrayInputStream(photo));
		assertThat(stored.getWidth()).as("stored sideways").isEqualTo(OrientedPhotos.HEIGHT);
		assertThat(OrientedPhotos.upright(stored)).isFalse();

		mvc.perform(multipart("/admin/petitions/{id}/delivery", id)
			.file(new MockMultipartFile("photo", "IMG_0002.JPG", "image/jpeg", photo))
			.param("deliveredOn", LocalDate.now(clock).toString())
			.param("recipientName", "The duty officer")
			.param("recipientOffice", "Embassy")
			.param("method", "IN_PERSON")
			.with(user("campaigner@example.org").roles("CAMPAIGNER"))
			.with(csrf())).andExpect(flash().attribute("done", true));

		byte[] served = mvc.perform(get("/petitions/{id}/delivery/photo", id))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		BufferedImage seen = ImageIO.read(new ByteArrayInputStream(served));
		assertThat(seen.getWidth()).isEqualTo(OrientedPhotos.WIDTH);
		assertThat(seen.getHeight()).isEqualTo(OrientedPhotos.HEIGHT);
		assertThat(OrientedPhotos.upright(seen)).isTrue();
		assertThat(ExifOrientation.of(served, "jpeg")).isEqualTo(ExifOrientation.UPRIGHT);
		assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
	}

}
