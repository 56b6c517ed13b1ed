package org.safepassage.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.MailParts;
import org.safepassage.alerts.AlertMailbox;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.alerts.domain.AlertLifecycle;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 15: an alert goes to each subscriber in their language. An English alert
 * translated into Korean reaches Korean subscribers in Korean and English ones in
 * English; subscribers of a language it is not translated into get nothing until staff
 * send that language, once it is translated; nobody gets the same alert twice.
 */
class AlertLanguagesIntegrationTest extends IntegrationTest {

	static final Locale KO = Locale.forLanguageTag("ko");

	static final Locale ZH_HANS = Locale.forLanguageTag("zh-Hans");

	@Autowired
	MockMvc mvc;

	@Autowired
	AlertSender sender;

	@Autowired
	AlertLifecycle lifecycle;

	@Autowired
	ContentTranslations translations;

	final SenderControl control = new SenderControl();

	final RequestPostProcessor staff = user("campaigner").roles("CAMPAIGNER");

	@BeforeEach
	void steerTheSender() {
		sender.hooks(control);
		control.stop();
	}

	@AfterEach
	void senderRunsAgain() {
		sender.hooks(SenderHooks.NONE);
	}

	/** A confirmed subscriber who wants action alerts, in a language. */
	String subscriber(String language) {
		return ConfirmedSubscribers.add(jdbc, "lang", language, "ACTION");
	}

	long alert(String title) {
		return lifecycle.create(new AlertContent(AlertKind.ACTION, title, LocalDate.now(clock), "en", null, null,
				"Body of " + title, List.of("Write to your MP", "Tell a friend"), List.of(), List.of()), "test");
	}

	void translate(long id, Locale language, String title, String body, String points) {
		translations.save(AlertContent.TRANSLATION_KIND, id, "title", language, title, "test");
		translations.save(AlertContent.TRANSLATION_KIND, id, "body", language, body, "test");
		translations.save(AlertContent.TRANSLATION_KIND, id, "points", language, points, "test");
	}

	String state(long id) {
		return jdbc.sql("select state from alert where id = ?").param(id).query(String.class).single();
	}

	String sentAt(long id) {
		return jdbc.sql("select sent_at::text from alert where id = ?").param(id).query(String.class).single();
	}

	/** Deliveries of an alert per address: the language each was written in. */
	Map<String, String> deliveries(long id) {
		return jdbc.sql("""
				select s.email, coalesce(d.language, '?') from alert_delivery d
				join alert_subscriber s on s.id = d.subscriber_id where d.alert_id = ?""")
			.param(id)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	String page(long id) throws Exception {
		return mvc.perform(get("/admin/alerts/{id}", id).with(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	void sendNow(long id) {
		lifecycle.schedule(id, clock.instant());
		control.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(state(id)));
		control.stop();
	}

	@Test
	void eachSubscriberGetsTheAlertInTheirLanguageAndALanguageTranslatedLaterGoesOnceOnly() throws Exception {
		String english = subscriber("en");
		String korean = subscriber("ko");
		String movedToChinese = subscriber("ko");
		String chinese = subscriber("zh-Hans");
		long id = alert("Ask the Foreign Secretary to act");
		translate(id, KO, "외무장관에게 행동을 요청해 주십시오", "외무장관에게 편지를 보내 주십시오.", "의원에게 편지 쓰기\n친구에게 알리기");
		// Simplified Chinese: title and body only, the points (the call to action) not
		// yet.
		translations.save(AlertContent.TRANSLATION_KIND, id, "title", ZH_HANS, "请外交大臣采取行动", "test");
		translations.save(AlertContent.TRANSLATION_KIND, id, "body", ZH_HANS, "请写信给外交大臣。", "test");

		String draft = page(id);
		assertThat(draft).contains("data-language=\"en\" data-status=\"ORIGINAL\"")
			.contains("data-language=\"ko\" data-status=\"TRANSLATED\"")
			.contains("data-language=\"zh-Hans\" data-status=\"NOT_TRANSLATED\"")
			.contains("简体中文: not translated.")
			.contains("will not receive it: translate it first.");

		sendNow(id);
		String firstSent = sentAt(id);
		MimeMessage inKorean = AlertMailbox.await(MAIL, korean, 1);
		assertThat(inKorean.getSubject()).isEqualTo("행동 알림: 외무장관에게 행동을 요청해 주십시오");
		String koreanText = MailParts.text(inKorean);
		assertThat(koreanText).contains("외무장관에게 편지를 보내 주십시오.")
			.contains("- 의원에게 편지 쓰기")
			.contains("/ko/alerts/" + id)
			.contains("/ko/alerts/preferences/")
			.contains("/ko/alerts?language=ko")
			.doesNotContain("Body of");
		assertThat(MailParts.html(inKorean)).contains("lang=\"ko\"");
		MimeMessage inEnglish = AlertMailbox.await(MAIL, english, 1);
		assertThat(inEnglish.getSubject()).isEqualTo("Action alert: Ask the Foreign Secretary to act");
		assertThat(MailParts.text(inEnglish)).contains("Body of Ask the Foreign Secretary to act")
			.doesNotContain("/ko/")
			.contains("/alerts/preferences/");
		assertThat(AlertMailbox.to(MAIL, chinese)).as("not completely translated: not mailed").isEmpty();
		assertThat(deliveries(id)).containsEntry(english, "en")
			.containsEntry(korean, "ko")
			.containsEntry(movedToChinese, "ko")
			.doesNotContainKey(chinese);

		String sent = page(id);
		assertThat(sent).contains("data-language=\"ko\" data-status=\"SENT\"")
			.contains("data-language=\"zh-Hans\" data-status=\"MISSED\"")
			.doesNotContain("/languages/zh-Hans");
		// Too early: the points are still untranslated.
		mvc.perform(post("/admin/alerts/{id}/languages/zh-Hans", id).with(csrf()).with(staff))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("ruleError", "alerts.rule.languageNotTranslated"));
		assertThat(state(id)).isEqualTo("SENT");

		// The points are translated after the alert went out; a Korean subscriber moves
		// to Simplified Chinese meanwhile.
		translations.save(AlertContent.TRANSLATION_KIND, id, "points", ZH_HANS, "写信给议员\n告诉朋友", "test");
		jdbc.sql("update alert_subscriber set language = 'zh-Hans' where email_key = ?").param(movedToChinese).update();
		assertThat(page(id)).contains("data-language=\"zh-Hans\" data-status=\"READY\"")
			.contains("Send in 简体中文 now")
			.contains("has not received it");
		mvc.perform(post("/admin/alerts/{id}/languages/zh-Hans", id).with(csrf()).with(staff))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("done", true));
		control.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(state(id)));
		control.stop();

		MimeMessage inChinese = AlertMailbox.await(MAIL, chinese, 1);
		assertThat(inChinese.getSubject()).isEqualTo("行动通讯：请外交大臣采取行动");
		assertThat(MailParts.text(inChinese)).contains("请写信给外交大臣。")
			.contains("- 写信给议员")
			.contains("/zh-Hans/alerts/" + id);
		assertThat(deliveries(id)).containsEntry(chinese, "zh-Hans").containsEntry(movedToChinese, "ko");
		// Once each: the Korean subscriber who moved got the Korean mail only.
		for (String email : List.of(english, korean, movedToChinese, chinese)) {
			assertThat(AlertMailbox.to(MAIL, email)).as(email).hasSize(1);
		}
		assertThat(sentAt(id)).as("the alert keeps the time it was first sent").isEqualTo(firstSent);

		// A second press (or another instance's) sends nothing more.
		mvc.perform(post("/admin/alerts/{id}/languages/zh-Hans", id).with(csrf()).with(staff))
			.andExpect(flash().attribute("ruleError", "alerts.rule.languageAlreadySent"));
		assertThat(state(id)).isEqualTo("SENT");
		assertThat(page(id)).contains("data-language=\"zh-Hans\" data-status=\"SENT\"");
		// Korean readers find it in the Korean list and feed, in Korean.
		String koreanList = mvc.perform(get("/ko/alerts"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(koreanList).contains("외무장관에게 행동을 요청해 주십시오");
		String koreanFeed = mvc.perform(get("/alerts/feed/ko.atom"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(koreanFeed).contains("외무장관에게 행동을 요청해 주십시오");
	}

	@Test
	void twoStaffSendingTheSameLanguageAtOnceSendItOnce() throws Exception {
		List<String> chinese = List.of(subscriber("zh-Hant"), subscriber("zh-Hant"), subscriber("zh-Hant"));
		long id = alert("One send per language");
		sendNow(id);
		translate(id, Locale.forLanguageTag("zh-Hant"), "每種語言只寄一次", "請寫信給國會議員。", "寫信\n告訴朋友");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> press = () -> {
				try {
					return lifecycle.sendLanguage(id, "zh-Hant", "staff");
				}
				catch (RuleViolation e) {
					return -1;
				}
			};
			List<Future<Integer>> results = new ArrayList<>();
			results.add(pool.submit(press));
			results.add(pool.submit(press));
			List<Integer> outcomes = new ArrayList<>();
			for (Future<Integer> f : results) {
				outcomes.add(f.get());
			}
			assertThat(outcomes).containsExactlyInAnyOrder(-1, outcomes.stream().max(Integer::compare).orElseThrow());
			assertThat(outcomes.stream().max(Integer::compare).orElseThrow()).isGreaterThanOrEqualTo(3);
		}
		finally {
			pool.shutdown();
		}
		control.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(state(id)));
		control.stop();
		for (String email : chinese) {
			assertThat(AlertMailbox.await(MAIL, email, 1).getSubject()).isEqualTo("行動通訊：每種語言只寄一次");
			assertThat(AlertMailbox.to(MAIL, email)).hasSize(1);
		}
		// The table itself refuses a second delivery of an alert to a subscriber.
		assertThat(jdbc.sql("""
				insert into alert_delivery (alert_id, subscriber_id, language)
				select d.alert_id, d.subscriber_id, 'en' from alert_delivery d where d.alert_id = ?
				on conflict on constraint alert_delivery_once do nothing""").param(id).update()).isZero();
	}

}
