package org.safepassage.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.safepassage.IntegrationTest;
import org.safepassage.alerts.domain.AlertContent;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.alerts.domain.AlertLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Against an SMTP server that refuses some recipients: a 5xx marks the address bouncing
 * and it is never mailed again, a 4xx is retried later, everyone else gets the alert.
 */
class AlertBounceIntegrationTest extends IntegrationTest {

	@Autowired
	AlertSender sender;

	@Autowired
	AlertLifecycle lifecycle;

	/**
	 * Answers 550 to RCPT for bounce-*, 451 for later-*, accepts everything else; counts
	 * accepted messages.
	 */
	static final class RefusingServer implements AutoCloseable {

		final ServerSocket socket;

		final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();

		RefusingServer() throws Exception {
			socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread.ofVirtual().start(() -> {
				while (!socket.isClosed()) {
					try {
						Socket client = socket.accept();
						Thread.ofVirtual().start(() -> serve(client));
					}
					catch (Exception e) {
						return;
					}
				}
			});
		}

		void serve(Socket client) {
			try (client;
					BufferedReader in = new BufferedReader(
							new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
					PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
				out.print("220 refusing ESMTP\r\n");
				out.flush();
				String recipient = null;
				String line;
				while ((line = in.readLine()) != null) {
					String command = line.toUpperCase();
					if (command.startsWith("EHLO") || command.startsWith("HELO")) {
						out.print("250 refusing\r\n");
					}
					else if (command.startsWith("MAIL FROM")) {
						out.print("250 ok\r\n");
					}
					else if (command.startsWith("RCPT TO")) {
						recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
						out.print(recipient.startsWith("bounce-") ? "550 5.1.1 no such user\r\n"
								: recipient.startsWith("later-") ? "451 4.2.0 try later\r\n" : "250 ok\r\n");
					}
					else if (command.startsWith("DATA")) {
						out.print("354 go ahead\r\n");
						out.flush();
						while (!".".equals(in.readLine())) {
							// the message
						}
						accepted.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
						out.print("250 queued\r\n");
					}
					else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
						out.print("250 ok\r\n");
					}
					else if (command.startsWith("QUIT")) {
						out.print("221 bye\r\n");
						out.flush();
						return;
					}
					else {
						out.print("502 unknown\r\n");
					}
					out.flush();
				}
			}
			catch (Exception e) {
				// connection closed
			}
		}

		@Override
		public void close() throws Exception {
			socket.close();
		}

	}

	String subscriberState(String email) {
		return jdbc.sql("select state from alert_subscriber where email_key = ?")
			.param(email)
			.query(String.class)
			.single();
	}

	@Test
	void aHardBounceMarksTheAddressAndItIsNotMailedAgain() throws Exception {
		SenderControl control = new SenderControl();
		sender.hooks(control);
		control.stop();
		try (RefusingServer server = new RefusingServer()) {
			List<String> emails = List.of("bounce-" + System.nanoTime() + "@example.org",
					"later-" + System.nanoTime() + "@example.org", "fine-" + System.nanoTime() + "@example.org");
			for (String email : emails) {
				jdbc.sql("""
						insert into alert_subscriber (email, email_key, language, topics, state, source, confirmed_at)
						values (?, ?, 'en', '{ACTION}', 'CONFIRMED', 'test', now())""")
					.param(email)
					.param(email)
					.update();
			}
			JavaMailSenderImpl refusing = new JavaMailSenderImpl();
			refusing.setHost("127.0.0.1");
			refusing.setPort(server.socket.getLocalPort());
			long first = lifecycle.create(new AlertContent(AlertKind.ACTION, "Ask your MP", LocalDate.now(clock), "en",
					null, null, "Please write.", List.of(), List.of(), List.of()), "test");
			lifecycle.schedule(first, clock.instant());
			lifecycle.startDue();
			sender.drainOverSmtp(refusing);

			assertThat(subscriberState(emails.get(0))).isEqualTo("BOUNCING");
			assertThat(subscriberState(emails.get(1))).isEqualTo("CONFIRMED");
			assertThat(server.accepted.get(emails.get(2)).get()).isEqualTo(1);
			assertThat(server.accepted).doesNotContainKeys(emails.get(0), emails.get(1));
			Map<String, String> status = jdbc.sql("""
					select s.email, d.status || ':' || d.attempts from alert_delivery d
					join alert_subscriber s on s.id = d.subscriber_id where d.alert_id = ?""")
				.param(first)
				.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
				.list()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			assertThat(status).containsEntry(emails.get(0), "FAILED:1")
				.containsEntry(emails.get(1), "PENDING:1")
				.containsEntry(emails.get(2), "SENT:1");
			assertThat(jdbc
				.sql("select next_attempt_at > now() + interval '20 seconds' from alert_delivery d "
						+ "join alert_subscriber s on s.id = d.subscriber_id where d.alert_id = ? and s.email = ?")
				.param(first)
				.param(emails.get(1))
				.query(Boolean.class)
				.single()).as("retried with backoff").isTrue();

			// The next alert is not even addressed to the bouncing address.
			long second = lifecycle.create(new AlertContent(AlertKind.ACTION, "Ask again", LocalDate.now(clock), "en",
					null, null, "Please write again.", List.of(), List.of(), List.of()), "test");
			lifecycle.schedule(second, clock.instant());
			lifecycle.startDue();
			assertThat(jdbc
				.sql("select count(*) from alert_delivery d join alert_subscriber s on s.id = d.subscriber_id "
						+ "where d.alert_id = ? and s.email = ?")
				.param(second)
				.param(emails.get(0))
				.query(Long.class)
				.single()).isZero();
			jdbc.sql("update alert set state = 'PAUSED' where id in (?, ?)").param(first).param(second).update();
		}
		finally {
			sender.hooks(SenderHooks.NONE);
		}
	}

}
