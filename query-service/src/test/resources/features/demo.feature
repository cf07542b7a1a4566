Feature: The demo answers the website's search API on embedded defaults
  The demo is started the way a developer starts it, with `bin/expat-search demo`, on a small
  generated world. Every request goes over HTTP, as the website sends it.

  Background:
    Given the demo is running

  Scenario: The service says it is alive and ready
    When I call "/health/live"
    Then the status is 200
    When I call "/health/ready"
    Then the status is 200

  Scenario: A member search answers a page in the contract's shape
    When I call "/v1/members/search?size=5&page=2"
    Then the status is 200
    And the answer is a page 2 of size 5 with at most 5 items
    And every item has the member fields of the contract

  Scenario: Free text ignores accents and case
    When I call "/v1/members/search?q=MULLER&size=50"
    Then the status is 200
    And there is at least 1 item
    And every item's "display_name" contains "müller" ignoring accents and case

  Scenario: A radius search keeps to the radius and says how far
    When I call "/v1/members/search?near=52.52,13.405&radius_km=30&size=50"
    Then the status is 200
    And there is at least 1 item
    And every item is at most 30 km away

  Scenario: Filtering by language keeps only speakers of it
    When I call "/v1/members/search?lang=es&lang=pt&size=50"
    Then the status is 200
    And there is at least 1 item
    And every item speaks one of "es,pt"

  Scenario: Facets count the whole result
    When I call "/v1/members/search?city=2950159&facets=true&size=1"
    Then the status is 200
    And the "city" facet counts the total for value "2950159"
    And the "language" facet has at least 2 values

  Scenario: Matches never include the member, and share a language with them
    Given a member who lives in Berlin
    When I ask for that member's matches
    Then the status is 200
    And there is at least 1 item
    And no item is that member
    And every item shares a language with that member

  Scenario: An unknown member has no matches
    When I call "/v1/members/999999999/matches"
    Then the status is 404
    And the answer is a problem

  Scenario Outline: Bad parameters are a 400 that names them
    When I call "<path>"
    Then the status is 400
    And the answer is a problem naming the parameter "<parameter>"

    Examples:
      | path                                           | parameter |
      | /v1/members/search?size=0                      | size      |
      | /v1/members/search?page=51                     | page      |
      | /v1/members/search?near=91,0&radius_km=10      | near      |
      | /v1/members/search?near=52.5,13.4&radius_km=0  | radius_km |
      | /v1/members/search?sort=cheapest               | sort      |
      | /v1/members/search?lang=english                | lang      |

  Scenario Outline: Query syntax in free text is never interpreted
    When I search members for the text <text>
    Then the status is 200
    And there are no more items than for its plain words, and none when it has no words

    Examples:
      | text                               |
      | "*:*"                              |
      | "{!xmlparser v='<a/>'}"            |
      | "display_name:*"                   |
      | "[* TO *]"                         |
      | "\"unbalanced (quote"              |

  Scenario: A request id is echoed and a repeated request comes from the cache
    When I call "/v1/members/search?q=engineer&lang=en" with request id "acceptance-1"
    Then the status is 200
    And the header "X-Request-Id" is "acceptance-1"
    When I call "/v1/members/search?lang=en&q=engineer"
    Then the header "X-Cache" is "hit"
