package org.safepassage.booklets;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.safepassage.MailParts;
import org.safepassage.booklets.domain.BookletContent;
import org.safepassage.booklets.domain.BookletRepository;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Booklets made straight in the repository, orders sent through the page, and mail. */
public final class BookletFixtures {

	public static final Pattern CONFIRM_LINK = Pattern
		.compile("http://\\S+/resources/confirm\\?token=([A-Za-z0-9_-]{32})");

	private BookletFixtures() {
	}

	/** A published booklet in English and Korean, posted to the UK, Korea and Taiwan. */
	public static long published(BookletRepository booklets, String title, int stock, int limit) {
		long id = booklets.create(new BookletContent(title, "A guide.\n\nSecond paragraph.", List.of("en", "ko"),
				List.of("GB", "KR", "TW"), limit), stock, Optional.empty(), "test", false);
		booklets.saveState(booklets.find(id).orElseThrow().publish());
		return id;
	}

	/**
	 * An order to Seoul in Korean; {@code changes} are field names and values that
	 * replace those.
	 */
	public static MockHttpServletRequestBuilder order(long booklet, int quantity, String email, String... changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("quantity", String.valueOf(quantity));
		fields.put("language", "ko");
		fields.put("name", "Min-jun Example");
		fields.put("line1", "12 Example Road");
		fields.put("line2", "");
		fields.put("town", "Seoul");
		fields.put("region", "");
		fields.put("postcode", "04524");
		fields.put("country", "KR");
		fields.put("email", email);
		for (int i = 0; i + 1 < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/resources/{id}/order", booklet);
		fields.forEach(request::param);
		return request;
	}

	public static List<MimeMessage> to(GreenMail mail, String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
	}

	public static MimeMessage await(GreenMail mail, String address, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> to(mail, address).size() >= count);
		return to(mail, address).get(count - 1);
	}

	public static String confirmToken(MimeMessage message) throws Exception {
		Matcher matcher = CONFIRM_LINK.matcher(MailParts.text(message));
		if (!matcher.find()) {
			throw new AssertionError("no confirmation link in " + MailParts.text(message));
		}
		return matcher.group(1);
	}

	private static List<String> recipients(MimeMessage m) {
		try {
			Address[] all = m.getAllRecipients();
			return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
