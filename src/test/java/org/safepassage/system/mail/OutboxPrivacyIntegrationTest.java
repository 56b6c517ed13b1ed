package org.safepassage.system.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.ui.ExtendedModelMap;

/**
 * With an SMTP server configured (as in every integration test) no staff page shows a
 * mail's body or any of its links; a moderator reads the list of mails only. Without one,
 * the page of one mail (admins only) shows its body and links.
 */
class OutboxPrivacyIntegrationTest extends IntegrationTest {

	static final RequestPostProcessor ADMIN = user("admin@example.org").roles("ADMIN");

	static final RequestPostProcessor MODERATOR = user("moderator@example.org").roles("MODERATOR");

	static final String SECRET = "token=privacy-secret-123";

	@Autowired
	MockMvc mvc;

	@Autowired
	OutboxArchive archive;

	@Autowired
	Outbox outbox;

	long mailId;

	@BeforeEach
	void queueMailWithLiveLink() {
		// Pending: the worker may not have sent it yet, so its body is still stored.
		mailId = jdbc
			.sql("""
					insert into mail_outbox (recipient, subject, text_body, html_body, category, status, message_id)
					values ('privacy@example.org', 'Confirm', 'Open http://localhost/signatures/confirm?privacy-secret-123',
					        '<a href="http://localhost/signatures/confirm?token=privacy-secret-123">x</a>', 'test', 'failed',
					        '<privacy-1@example.org>')
					returning id""")
			.query(Long.class)
			.single();
	}

	@Test
	void theListShowsMetadataAndNoBody() throws Exception {
		mvc.perform(get("/admin/outbox").with(MODERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("privacy@example.org")))
			.andExpect(content().string(not(containsString("privacy-secret-123"))))
			.andExpect(content().string(not(containsString("/admin/outbox/" + mailId))));
		mvc.perform(get("/admin/outbox").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("privacy-secret-123"))));
	}

	@Test
	void oneMailsPageIsForAdminsAndShowsNoBodyWhenSmtpDelivers() throws Exception {
		mvc.perform(get("/admin/outbox/{id}", mailId).with(MODERATOR)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/outbox/{id}", mailId).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;privacy-1@example.org&gt;")))
			.andExpect(content().string(not(containsString("privacy-secret-123"))))
			.andExpect(content().string(not(containsString("/signatures/confirm"))));
	}

	@Test
	void withoutSmtpTheOutboxIsTheDeliveryAndShowsBodyAndLinks() {
		var noSmtp = new OutboxController(archive, outbox,
				new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), clock);
		var model = new ExtendedModelMap();

		assertThat(noSmtp.show(mailId, model)).isEqualTo("admin/outbox/show");

		var mail = (OutboxArchive.MailView) model.getAttribute("mail");
		assertThat(mail.textBody()).contains("privacy-secret-123");
		assertThat(model.getAttribute("links")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly("http://localhost/signatures/confirm?privacy-secret-123");
	}

}
