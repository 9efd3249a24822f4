package io.aftercare.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of a production node: https only, public addresses only. */
class DestinationsTest {

    private static final InetAddress PUBLIC = literal("93.184.215.14");

    // A resolver that answers from a table, as DNS would, so the rules are tested without the network.
    private final Destinations production = new Destinations(false, false, host -> switch (host) {
        case "hooks.example.com" -> new InetAddress[] {PUBLIC};
        case "rebound.example.com" -> new InetAddress[] {PUBLIC, literal("10.0.0.7")};
        case "localhost" -> new InetAddress[] {literal("127.0.0.1")};
        case "metadata.example.com" -> new InetAddress[] {literal("169.254.169.254")};
        default -> InetAddress.getAllByName(host); // address literals only: no lookup
    });

    @Test
    void shouldResolveAPublicHttpsUrlToTheAddressToConnectTo() throws Destinations.Refused {
        Destinations.Destination destination = production.resolve("https://hooks.example.com:8443/in?x=1");

        assertThat(destination.host()).isEqualTo("hooks.example.com");
        assertThat(destination.port()).isEqualTo(8443);
        assertThat(destination.tls()).isTrue();
        assertThat(destination.pathAndQuery()).isEqualTo("/in?x=1");
        assertThat(destination.address()).isEqualTo(PUBLIC);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not a url",
                "hooks.example.com/in",
                "/relative",
                "mailto:a@example.com",
                "ftp://hooks.example.com/"
            })
    void shouldRefuseWhatIsNotAnAbsoluteWebUrl(String url) {
        assertThat(production.problemWith(url)).isPresent();
    }

    @Test
    void shouldRefusePlainHttpOutsideDevelopment() {
        assertThat(production.problemWith("http://hooks.example.com/in")).hasValue("must be an https URL");
        assertThat(new Destinations(true, false, host -> new InetAddress[] {PUBLIC})
                        .problemWith("http://hooks.example.com/in"))
                .isEmpty();
    }

    @Test
    void shouldRefuseUserInfo() {
        assertThat(production.problemWith("https://user:secret@hooks.example.com/in"))
                .hasValue("must not carry a user name or password");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/",
                "https://10.1.2.3/",
                "https://172.16.0.1/",
                "https://192.168.1.1/",
                "https://169.254.169.254/latest/meta-data/",
                "https://100.64.0.1/",
                "https://0.0.0.0/",
                "https://224.0.0.1/",
                "https://[::1]/",
                "https://[::]/",
                "https://[fe80::1]/",
                "https://[fd00:ec2::254]/",
                "https://[ff02::1]/",
                "https://[::ffff:127.0.0.1]/",
                "https://[64:ff9b::a00:1]/",
                "https://[2002:a00:1::]/",
                "https://localhost/",
                "https://LOCALHOST./",
                "https://api.localhost/",
                "https://metadata.google.internal/",
                "https://metadata.example.com/",
                "https://rebound.example.com/"
            })
    void shouldRefuseAddressesOutsideThePublicInternet(String url) {
        assertThat(production.problemWith(url))
                .hasValueSatisfying(why -> assertThat(why).contains("not on the public internet"));
    }

    @Test
    void shouldAcceptPrivateAddressesOnlyWhenAllowed() {
        Destinations tests = new Destinations(true, true, InetAddress::getAllByName);

        assertThat(tests.problemWith("http://127.0.0.1:8089/hook")).isEmpty();
        assertThat(production.problemWith("https://127.0.0.1:8089/hook")).isPresent();
    }

    @Test
    void shouldRefuseAHostThatDoesNotResolve() {
        Destinations nothingResolves = new Destinations(false, false, host -> {
            throw new UnknownHostException(host);
        });

        assertThatThrownBy(() -> nothingResolves.resolve("https://hooks.example.com/"))
                .isInstanceOfSatisfying(
                        Destinations.Refused.class,
                        refused -> assertThat(refused.kind).isEqualTo("DNS"));
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
