package org.safepassage.system.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class SharingIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository petitions;

	@Test
	void aPetitionPageDeclaresItsCardAndShareLinks() throws Exception {
		long id = Petitions.openPetition(this.petitions, "End forced returns & let them go");
		String html = this.mvc.perform(get("/petitions/" + id))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);

		assertThat(page.select("meta[property=og:title]").attr("content"))
			.isEqualTo("End forced returns & let them go");
		assertThat(page.select("meta[property=og:url]").attr("content")).endsWith("/petitions/" + id);
		assertThat(page.select("meta[property=og:image]").attr("content")).startsWith("http")
			.endsWith("/petitions/" + id + "/card.png");
		assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
		assertThat(page.select(".share-links a").eachAttr("href"))
			.anySatisfy(href -> assertThat(href)
				.startsWith("https://wa.me/?text=End%20forced%20returns%20%26%20let%20them%20go%20http"))
			.anySatisfy(href -> assertThat(href).startsWith("mailto:?subject="))
			.anySatisfy(href -> assertThat(href).startsWith("https://t.me/share/url?url=http"))
			.anySatisfy(href -> assertThat(href).startsWith("https://social-plugins.line.me/lineit/share?url=http"));
		assertThat(page.select("script[src]").eachAttr("src")).allMatch(src -> src.startsWith("/"));
		assertThat(page.select("a.button[href=#sign]")).hasSize(1);
	}

	@Test
	void theCardImageIsAPngOfOpenGraphSize() throws Exception {
		long id = Petitions.openPetition(this.petitions, "중국은 탈북민 강제송환을 멈추라");
		byte[] png = this.mvc.perform(get("/petitions/" + id + "/card.png"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

		assertThat(image.getWidth()).isEqualTo(1200);
		assertThat(image.getHeight()).isEqualTo(630);
	}

	@Test
	void qrCodesAreForPagesOfThisSiteOnly() throws Exception {
		String svg = this.mvc.perform(get("/share/qr.svg").param("path", "/petitions/1"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/svg+xml"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(svg).contains("<svg").contains("<title id=\"t\">").contains("/petitions/1</title>");

		this.mvc.perform(get("/share/qr.svg").param("path", "//evil.example/x")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/share/qr.svg").param("path", "https://evil.example/"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/share/qr.svg").param("path", "/<script>")).andExpect(status().isBadRequest());
	}

}
