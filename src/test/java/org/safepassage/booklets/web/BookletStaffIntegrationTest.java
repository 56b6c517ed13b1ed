package org.safepassage.booklets.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.booklets.domain.BookletRepository;
import org.safepassage.shared.images.ExifOrientation;
import org.safepassage.shared.images.OrientedPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Campaign staff write a booklet with a cover and publish it; the public sees it. Staff
 * pages are closed to the public and to roles without the right; every change is in the
 * audit log.
 */
class BookletStaffIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor CAMPAIGNER = user("campaigner@example.org").roles("CAMPAIGNER");

	static final RequestPostProcessor RESEARCHER = user("researcher@example.org").roles("RESEARCHER");

	@Autowired
	MockMvc mvc;

	@Autowired
	BookletRepository booklets;

	static byte[] png(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(30, 60, 120));
		g.fillRect(0, 0, width, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void aCampaignerWritesABookletWithACoverPublishesItAndThePublicSeesIt() throws Exception {
		MockMultipartFile cover = new MockMultipartFile("cover", "cover.png", "image/png", png(1600, 2000));
		String location = mvc
			.perform(multipart("/admin/booklets").file(cover)
				.with(CAMPAIGNER)
				.with(csrf())
				.param("title", "Hope on the border")
				.param("description", "Stories and prayers.\n\nFor groups.")
				.param("languages", "en", "zh-Hant")
				.param("countries", "gb, tw HK")
				.param("perOrderLimit", "3")
				.param("stock", "250"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(booklets.find(id).orElseThrow().content().countries()).containsExactly("GB", "TW", "HK");
		mvc.perform(get("/resources/{id}", id)).andExpect(status().isNotFound());

		byte[] stored = mvc.perform(get("/admin/booklets/{id}/cover", id).with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		BufferedImage reencoded = ImageIO.read(new ByteArrayInputStream(stored));
		assertThat(reencoded.getWidth()).isEqualTo(800);
		assertThat(reencoded.getHeight()).isEqualTo(1000);

		mvc.perform(post("/admin/booklets/{id}/publish", id).with(CAMPAIGNER).with(csrf()))
			.andExpect(redirectedUrl("/admin/booklets/" + id));
		mvc.perform(post("/admin/booklets/{id}/publish", id).with(CAMPAIGNER).with(csrf()))
			.andExpect(redirectedUrl("/admin/booklets/" + id))
			.andExpect(flash().attribute("ruleError", "booklets.rule.alreadyPublished"));
		mvc.perform(get("/resources/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Hope on the border")))
			.andExpect(content().string(Matchers.containsString("Traditional Chinese (繁體中文)")))
			.andExpect(content().string(Matchers.containsString("Taiwan")));
		mvc.perform(get("/resources/{id}/cover", id)).andExpect(status().isOk());

		mvc.perform(post("/admin/booklets/{id}/stock", id).with(CAMPAIGNER).with(csrf()).param("change", "+50"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/booklets/{id}/stock", id).with(CAMPAIGNER).with(csrf()).param("change", "-1000"))
			.andExpect(status().is3xxRedirection());
		assertThat(booklets.find(id).orElseThrow().stock()).isZero();
		mvc.perform(post("/admin/booklets/{id}/stock", id).with(CAMPAIGNER).with(csrf()).param("change", "lots"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/booklets/{id}/stock", id).with(CAMPAIGNER).with(csrf()).param("change", "120"));
		assertThat(booklets.find(id).orElseThrow().stock()).isEqualTo(120);

		mvc.perform(multipart("/admin/booklets/{id}", id).with(CAMPAIGNER)
			.with(csrf())
			.param("title", "Hope on the border (new edition)")
			.param("description", "Stories and prayers.")
			.param("languages", "en")
			.param("countries", "GB")
			.param("perOrderLimit", "2")).andExpect(redirectedUrl("/admin/booklets/" + id));
		assertThat(booklets.find(id).orElseThrow().content().title()).isEqualTo("Hope on the border (new edition)");
		assertThat(booklets.find(id).orElseThrow().hasCover()).isTrue();
		assertThat(booklets.find(id).orElseThrow().stock()).isEqualTo(120);

		mvc.perform(post("/admin/booklets/{id}/unpublish", id).with(CAMPAIGNER).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/resources/{id}/cover", id)).andExpect(status().isNotFound());

		List<String> audited = jdbc
			.sql("select action from staff_audit where action like '%/admin/booklets%' order by id")
			.query(String.class)
			.list();
		assertThat(audited).contains("POST /admin/booklets", "POST /admin/booklets/{id}/publish",
				"POST /admin/booklets/{id}/stock", "POST /admin/booklets/{id}/unpublish");
	}

	/**
	 * A phone photo of a printed cover, stored turned with EXIF orientation 6 (rotate 90°
	 * clockwise to view): the stored cover is upright and carries no EXIF.
	 */
	@Test
	void aPhonePhotoOfACoverIsStoredUprightWithoutExif() throws Exception {
		byte[] photo = OrientedPhotos.jpeg(6, ByteOrder.BIG_ENDIAN);
		BufferedImage sent = ImageIO.read(new ByteArrayInputStream(photo));
		assertThat(sent.getWidth()).isEqualTo(OrientedPhotos.HEIGHT);
		assertThat(sent.getHeight()).isEqualTo(OrientedPhotos.WIDTH);
		MockMultipartFile cover = new MockMultipartFile("cover", "IMG_0042.jpg", "image/jpeg", photo);
		String location = mvc
			.perform(multipart("/admin/booklets").file(cover)
				.with(CAMPAIGNER)
				.with(csrf())
				.param("title", "Turned cover")
				.param("description", "Photographed on a phone.")
				.param("languages", "en")
				.param("countries", "GB")
				.param("perOrderLimit", "3")
				.param("stock", "10"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		byte[] stored = mvc.perform(get("/admin/booklets/{id}/cover", id).with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
		assertThat(ExifOrientation.of(stored, "jpeg")).isEqualTo(ExifOrientation.UPRIGHT);
		BufferedImage seen = ImageIO.read(new ByteArrayInputStream(stored));
		assertThat(seen.getWidth()).isEqualTo(OrientedPhotos.WIDTH);
		assertThat(seen.getHeight()).isEqualTo(OrientedPhotos.HEIGHT);
		// The red quarter is the top left as seen, where it was not in the stored pixels.
		assertThat(OrientedPhotos.upright(seen)).isTrue();
	}

	@Test
	void aFileThatIsNotAnImageOrBadChoicesAreRefusedWithTheValuesKept() throws Exception {
		MockMultipartFile fake = new MockMultipartFile("cover", "cover.png", "image/png",
				"<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/admin/booklets").file(fake)
			.with(CAMPAIGNER)
			.with(csrf())
			.param("title", "Not saved")
			.param("description", "Kept text")
			.param("languages", "en", "fr")
			.param("countries", "GB, XX")
			.param("perOrderLimit", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("The cover must be a JPEG, PNG or WebP image.")))
			.andExpect(content().string(Matchers.containsString("Please choose one of the options.")))
			.andExpect(content().string(Matchers.containsString("Please enter two-letter country codes")))
			.andExpect(content().string(Matchers.containsString("Please enter how many copies you have.")))
			.andExpect(content().string(Matchers.containsString("value=\"Not saved\"")));
		assertThat(jdbc.sql("select count(*) from booklet where title = 'Not saved'").query(Long.class).single())
			.isZero();
	}

	@Test
	void thePublicAndOtherRolesCannotReachTheStaffPages() throws Exception {
		mvc.perform(get("/admin/booklets")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/admin/booklets/orders.csv")).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/admin/booklets/orders/dispatch").param("ids", "1")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/booklets").with(RESEARCHER)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/booklets/orders").with(RESEARCHER)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/booklets").with(CAMPAIGNER)).andExpect(status().isOk());
		mvc.perform(get("/admin").with(CAMPAIGNER))
			.andExpect(content().string(Matchers.containsString("href=\"/admin/booklets\"")));
	}

}
