package com.expat.search.testing.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.utils.AddrUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemcachedExtension.class)
class MemcachedExtensionIT {
  private final List<MemcachedClient> clients = new ArrayList<>();

  private MemcachedClient client(MemcachedServer server) throws Exception {
    XMemcachedClientBuilder builder = new XMemcachedClientBuilder(AddrUtil.getAddresses(server.address()));
    builder.setConnectTimeout(500);
    builder.setOpTimeout(500);
    MemcachedClient client = builder.build();
    clients.add(client);
    return client;
  }

  @AfterEach
  void closeClients() throws Exception {
    for (MemcachedClient client : clients) {
      client.shutdown();
    }
  }

  @Test
  void storesAndReturnsValues(MemcachedServer server) throws Exception {
    MemcachedClient memcached = client(server);
    memcached.set("greeting", 60, "grüß dich");

    assertThat(memcached.<String>get("greeting")).isEqualTo("grüß dich");
  }

  @Test
  void stoppedServerFailsCallsAndRestartedOneIsEmpty(MemcachedServer server) throws Exception {
    MemcachedClient memcached = client(server);
    memcached.set("key", 60, "value");

    server.stop();
    assertThat(server.isRunning()).isFalse();
    assertThatThrownBy(() -> memcached.get("key")).isInstanceOf(Exception.class);

    server.start();
    assertThat(server.isRunning()).isTrue();
    MemcachedClient fresh = client(server);
    assertThat(fresh.<String>get("key")).as("a restarted memcached holds nothing").isNull();
  }

  @Test
  void eachTestStartsWithARunningServer(MemcachedServer server) {
    assertThat(server.isRunning()).isTrue();
  }
}
