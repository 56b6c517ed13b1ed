package org.safepassage.petitions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.petitions.PetitionState;
import org.safepassage.petitions.SignerFixtures;
import org.safepassage.petitions.SignerFixtures.Signer;
import org.safepassage.petitions.delivery.SignerUpdates;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.domain.PetitionContent;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.Petitions;
import org.safepassage.system.mail.Suppressions;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Staff record a delivery (with a photo) and responses; the public page shows them, and
 * the signers who asked for updates, and only they, get one mail for each.
 */
class DeliveryIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor CAMPAIGNER = user("campaigner@example.org").roles("CAMPAIGNER");

	@Autowired
	MockMvc mvc;

	@Autowired
	PetitionRepository repository;

	@Autowired
	PetitionAdministration administration;

	@Autowired
	SignerUpdates updates;

	@Autowired
	Suppressions suppressions;

	@Autowired
	ContentTranslations translations;

	long closedPetition(String title) {
		long id = Petitions.openPetition(repository, title);
		administration.close(id);
		return id;
	}

	MockMultipartHttpServletRequestBuilder deliver(long id) {
		MockMultipartHttpServletRequestBuilder request = multipart("/admin/petitions/{id}/delivery", id);
		request.with(CAMPAIGNER).with(csrf());
		request.param("deliveredOn", LocalDate.now(clock).toString())
			.param("recipientName", "The duty officer")
			.param("recipientOffice", "Embassy of the People's Republic of China, London")
			.param("method", "IN_PERSON")
			.param("notes", "Fifty thousand names, in twelve boxes.");
		return request;
	}

	/**
	 * A JPEG carrying a comment and an XMP block with a position, as a phone's photo
	 * would.
	 */
	static byte[] photoWithLocation() throws Exception {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(200, 40, 40));
		g.fillRect(0, 0, 64, 48);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		byte[] jpeg = out.toByteArray();
		byte[] xmp = segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>51,30.7N "
				+ "secret-location</exif:GPSLatitude></x:xmpmeta>");
		byte[] comment = segment(0xFE, "GPS 51.5123N 0.1234W secret-location");
		ByteArrayOutputStream tagged = new ByteArrayOutputStream();
		tagged.write(jpeg, 0, 2);
		tagged.write(xmp);
		tagged.write(comment);
		tagged.write(jpeg, 2, jpeg.length - 2);
		return tagged.toByteArray();
	}

	static byte[] segment(int marker, String text) {
		byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
		byte[] segment = new byte[data.length + 4];
		segment[0] = (byte) 0xFF;
		segment[1] = (byte) marker;
		segment[2] = (byte) ((data.length + 2) >> 8);
		segment[3] = (byte) (data.length + 2);
		System.arraycopy(data, 0, segment, 4, data.length);
		return segment;
	}

	static boolean contains(byte[] haystack, String needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
	}

	Map<String, Long> mailsByRecipient() {
		return Arrays.stream(MAIL.getReceivedMessages())
			.map(DeliveryIntegrationTest::uncheckedRecipient)
			.collect(Collectors.groupingBy(a -> a, Collectors.counting()));
	}

	@Test
	void aDeliveryIsShownWithItsPhotoAndMailedOnlyToSignersWhoAskedForUpdates() throws Exception {
		long id = closedPetition("Delivered with a photo");
		SignerFixtures.insert(jdbc, id, Signer.optedIn("wants.news@example.org"));
		SignerFixtures.insert(jdbc, id, new Signer("korean.reader@example.org", true, true, false, false, "ko-KR"));
		SignerFixtures.insert(jdbc, id, new Signer("no.news@example.org", false, true, false, false, "en"));
		SignerFixtures.insert(jdbc, id, new Signer("unconfirmed@example.org", true, false, false, false, "en"));
		SignerFixtures.insert(jdbc, id, new Signer("flagged@example.org", true, true, true, false, "en"));
		SignerFixtures.insert(jdbc, id, new Signer("invalidated@example.org", true, true, false, true, "en"));
		SignerFixtures.insert(jdbc, id, Signer.optedIn("bounced.before@example.org"));
		suppressions.suppress("bounced.before@example.org", Suppressions.Reason.HARD_BOUNCE, "smtp", "550");
		long other = closedPetition("Another petition");
		SignerFixtures.insert(jdbc, other, Signer.optedIn("other.petition@example.org"));

		byte[] photo = photoWithLocation();
		assertThat(contains(photo, "secret-location")).isTrue();
		mvc.perform(deliver(id).file(new MockMultipartFile("photo", "IMG_0001.JPG", "image/jpeg", photo)))
			.andExpect(flash().attribute("done", true));
		assertThat(repository.find(id).orElseThrow().state()).isEqualTo(PetitionState.DELIVERED);

		mvc.perform(get("/petitions/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Handed over in person on")))
			.andExpect(content().string(containsString("The duty officer, Embassy of the People&#39;s Republic")))
			.andExpect(content().string(containsString("Fifty thousand names, in twelve boxes.")))
			.andExpect(content().string(containsString("/petitions/" + id + "/delivery/photo")));

		byte[] served = mvc.perform(get("/petitions/{id}/delivery/photo", id))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("Cache-Control", containsString("max-age=86400")))
			.andExpect(header().exists("ETag"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(served).startsWith(0xFF, 0xD8, 0xFF);
		assertThat(contains(served, "secret-location")).as("metadata stripped").isFalse();
		assertThat(contains(served, "xap/1.0")).isFalse();
		assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(64);
		String etag = mvc.perform(get("/petitions/{id}/delivery/photo", id))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		mvc.perform(get("/petitions/{id}/delivery/photo", id).header("If-None-Match", etag))
			.andExpect(status().isNotModified());

		// The job runs by itself every few seconds; running it again changes nothing.
		updates.queueDue();
		updates.queueDue();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> mailsByRecipient().keySet()
				.containsAll(List.of("wants.news@example.org", "korean.reader@example.org")));
		updates.queueDue();
		assertThat(jdbc
			.sql("select count(*) from mail_outbox where category like 'petitions/update-%' "
					+ "and recipient in ('wants.news@example.org', 'korean.reader@example.org')")
			.query(Long.class)
			.single()).isEqualTo(2);
		Map<String, Long> received = mailsByRecipient();
		assertThat(received).containsEntry("wants.news@example.org", 1L)
			.containsEntry("korean.reader@example.org", 1L)
			.doesNotContainKeys("no.news@example.org", "unconfirmed@example.org", "flagged@example.org",
					"invalidated@example.org", "bounced.before@example.org", "other.petition@example.org");

		MimeMessage korean = Arrays.stream(MAIL.getReceivedMessages())
			.filter(m -> uncheckedRecipient(m).equals("korean.reader@example.org"))
			.findFirst()
			.orElseThrow();
		// A Korean signer (ko-KR) is mailed in Korean, the petition's own title as it was
		// written while it is not translated, marked with its language.
		assertThat(korean.getSubject()).isEqualTo("전달 완료: Delivered with a photo");
		String text = MailParts.text(korean);
		assertThat(text).contains("korean.reader", "에게 직접 전달했습니다", "The duty officer", "/ko/signatures/remove?token=");
		assertThat(MailParts.html(korean)).contains("lang=\"ko\"")
			.contains("<strong lang=\"en\">Delivered with a photo</strong>");

		mvc.perform(get("/admin/petitions/{id}/delivery", id).with(CAMPAIGNER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("All queued")))
			.andExpect(content().string(containsString("<td class=\"num\">2</td>")));
	}

	static String uncheckedRecipient(MimeMessage m) {
		try {
			return m.getAllRecipients()[0].toString();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aFileThatIsNotAPhotoIsRefusedWithAMessageAndTheFormKept() throws Exception {
		long id = closedPetition("Bad photo");
		mvc.perform(deliver(id).file(new MockMultipartFile("photo", "photo.jpg", "image/jpeg",
				"<?php echo 'not a photo'; ?>".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This file is not a JPEG, PNG or WebP image")))
			.andExpect(content().string(containsString("value=\"The duty officer\"")));
		// A PNG that claims more pixels than allowed is refused before it is decoded.
		byte[] png = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I',
				'H', 'D', 'R', 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0, (byte) 0xFF, (byte) 0xFF, 8, 2, 0, 0, 0 }, 64);
		mvc.perform(deliver(id).file(new MockMultipartFile("photo", "huge.png", "image/png", png)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("too many pixels")));
		assertThat(repository.find(id).orElseThrow().state()).isEqualTo(PetitionState.CLOSED);

		// Missing who and how: messages on the fields, nothing recorded.
		mvc.perform(multipart("/admin/petitions/{id}/delivery", id).with(CAMPAIGNER)
			.with(csrf())
			.param("deliveredOn", LocalDate.now(clock).plusDays(3).toString())
			.param("recipientName", "")
			.param("recipientOffice", "<b>Embassy</b>")
			.param("method", "CARRIER_PIGEON"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not in the future")))
			.andExpect(content().string(containsString("Please choose one of the options.")))
			.andExpect(content().string(containsString("value=\"&lt;b&gt;Embassy&lt;/b&gt;\"")));
		assertThat(repository.find(id).orElseThrow().state()).isEqualTo(PetitionState.CLOSED);

		// Only a closed petition is delivered.
		long open = Petitions.openPetition(repository, "Still open");
		mvc.perform(deliver(open)).andExpect(flash().attribute("ruleError", "petition.rule.deliverOnlyClosed"));
		assertThat(repository.find(open).orElseThrow().state()).isEqualTo(PetitionState.OPEN);
	}

	@Test
	void aResponseIsShownAndMailedToSignersWhoAskedForUpdates() throws Exception {
		long id = closedPetition("Answered petition");
		SignerFixtures.insert(jdbc, id, Signer.optedIn("reader.one@example.org"));
		SignerFixtures.insert(jdbc, id, new Signer("quiet.one@example.org", false, true, false, false, "en"));
		SignerFixtures.insert(jdbc, id, new Signer("korean.one@example.org", true, true, false, false, "ko"));
		translations.save(PetitionContent.TRANSLATION_KIND, id, "title", Locale.forLanguageTag("ko"), "답변받은 청원",
				"test");

		mvc.perform(post("/admin/petitions/{id}/responses", id).with(CAMPAIGNER)
			.with(csrf())
			.param("respondedOn", LocalDate.now(clock).toString())
			.param("responder", "Foreign Office")
			.param("body", "We raise this with China.")
			.param("sourceUrl", "javascript:alert(1)"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("starting with http:// or https://")))
			.andExpect(content().string(containsString("We raise this with China.")));

		mvc.perform(post("/admin/petitions/{id}/responses", id).with(CAMPAIGNER)
			.with(csrf())
			.param("respondedOn", LocalDate.now(clock).toString())
			.param("responder", "Foreign Office")
			.param("body", "We raise this with China.\n\nAt every level.")
			.param("sourceUrl", "https://www.example.org/answer")).andExpect(flash().attribute("done", true));
		mvc.perform(post("/admin/petitions/{id}/responses", id).with(CAMPAIGNER)
			.with(csrf())
			.param("respondedOn", LocalDate.now(clock).toString())
			.param("responder", "Embassy")
			.param("body", "No comment.")
			.param("sourceUrl", "")).andExpect(flash().attribute("done", true));

		mvc.perform(get("/petitions/{id}", id))
			.andExpect(content().string(containsString("From Foreign Office")))
			.andExpect(content().string(containsString("<p>At every level.</p>")))
			.andExpect(content().string(containsString("href=\"https://www.example.org/answer\"")))
			.andExpect(content().string(containsString("From Embassy")))
			.andExpect(content().string(not(containsString("javascript:"))));

		updates.queueDue();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> mailsByRecipient().getOrDefault("reader.one@example.org", 0L) == 2
					&& mailsByRecipient().getOrDefault("korean.one@example.org", 0L) == 2);
		List<String> subjects = Arrays.stream(MAIL.getReceivedMessages()).map(m -> {
			try {
				return m.getSubject();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).sorted().toList();
		// A Korean signer reads the petition's title as translated.
		assertThat(subjects).containsExactly("Embassy has responded: Answered petition", "Embassy이(가) 답변했습니다: 답변받은 청원",
				"Foreign Office has responded: Answered petition", "Foreign Office이(가) 답변했습니다: 답변받은 청원");
		assertThat(mailsByRecipient()).doesNotContainKey("quiet.one@example.org");
	}

}
