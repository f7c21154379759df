# English sanction triggers.  The engine (pipeline/penalty.c) reads the
# amount after the trigger (side after), or right before it ("five years'
# imprisonment", "ten days of administrative arrest"), with en.voc.

rule en.fine
kind penalty
label fine
lang en
side after
units MCI MMW KZT USD EUR RUB
regex (?iJ)(?<m>\bfined\b)
  |(?<m>\bfines?\b)(?=\s+(?:of|in\s+the\s+amount|on|for|up\s+to|from|amounting|ranging|reached|reach|were|was|imposed|totall?ing|instead)\b|\s*[\d$€₸])
  |(?<=\ba\s|\bthe\s|\bof\s|\bto\s|\bby\s|\bor\s|\band\s|\bno\s|\bany\s|\bpay\s|\bwith\s|\bpaid\s|\blevied\s|\bimposed\s|\bimpose\s)(?<m>fines?\b)(?=\s*(?:[.,;:!?)"»”]|$)|\s+(?:of|on|in|for|under|instead|or|and|but|was|were|is|are|has|had|have|will|would|could|can|may|might|must|shall|should|amount\w*|total\w*|rang\w*|reach\w*|imposed|levied|paid|payable|set|equal\w*|against|to|from|up|at|by|with|without|within|that|which|as|after|before|if|when|because|he|she|they|it|his|her|their|its)\b)
  |(?<m>\bmonetary\s+penalt(?:y|ies))
example entails a fine of twenty monthly calculation indices. => fine 20 MCI
example entail a fine on individuals of fifty, on officials of eighty, and on legal entities of two hundred monthly calculation indices. => fine 50 MCI; fine 80 MCI; fine 200 MCI
example The editor was fined 1,000,000 tenge (about 2,000 dollars). => fine 1000000 KZT
example The platform was fined USD 623,000, and its director $2,500. => fine 623000 USD; fine 2500 USD
example The organizer was fined 40 MCI; his assistant, 25 MCI. => fine 40 MCI; fine 25 MCI
example The court imposed a fine instead of arrest. => fine
example To impose a fine of 15 (fifteen) MCI, which amounts to KZT 55,380. => fine 15 MCI
not It was a fine day for a march.
not The goalkeeper made a fine save in the last minute.
not Her speech was a fine example of civic courage.
example The council paid the fine, and the matter ended. => fine
not The state fee is 2 MCI.

rule en.detention
kind penalty
label detention
lang en
side after
units days
regex (?iJ)(?<m>\badministrative\s+(?:arrests?|detention))
  |(?<m>\barrest(?:ed)?\b)(?=\s+for\s+(?:a\s+(?:period|term)\s+of\s+)?(?:up\s+to\s+)?\S+(?:\s+\S+)?\s+days?\b)
  |\bdays?['’]?\s+(?<m>arrest)\b
example or administrative arrest for up to fifteen days. => detention 15 days
example They were sentenced to between ten and fifteen days of administrative arrest. => detention 10-15 days
example He got a 15-day administrative arrest. => detention 15 days
example Courts imposed administrative arrests on forty activists. => detention
example The act entails a fine or arrest for up to twenty-five days. => fine; detention 25 days
not He spent two months in pre-trial detention.
not The court ordered the arrest of the company's property.

rule en.deportation
kind penalty
label deportation
lang en
regex (?i)(?<m>\bdeport(?:ation|ed|ing)?\b|\b(?:administrative\s+)?expul(?:sion|sions)\b|\bexpelled\s+from\s+(?:the\s+)?(?:country|Republic|Kazakhstan)\b)
example and for foreigners also administrative expulsion from the Republic of Kazakhstan. => deportation
example A correspondent was expelled from the country. => deportation
not The student was expelled from school.

rule en.liquidation
kind penalty
label liquidation
lang en
regex (?i)(?<m>\bliquidat(?:ion|ed|e|ing)\b)
example entails a fine of 500 MCI with liquidation of the legal entity. => fine 500 MCI; liquidation
example The court ordered the liquidation of the organization. => liquidation

rule en.suspension
kind penalty
label suspension
lang en
side after
units days months years
regex (?iJ)(?<m>\bsuspension\b)(?!\s+bridge)
  |\b(?:activit(?:y|ies)|operations?|outlet|publication|broadcasting|licen[cs]e|association|organi[sz]ation|centre|center|newspaper|channel)\b(?:\s+[\w'-]+){0,5}?\s+(?:was\s+|were\s+|is\s+|are\s+|be\s+|been\s+)(?<m>suspended)\b
  |(?<m>\bsuspend(?:ed|s|ing)?)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+)?(?:[\w'-]+\s+){0,3}?(?:activit(?:y|ies)|operations?|outlets?|publications?|broadcasting|licen[cs]es?|associations?|organi[sz]ations?|centre|center|NGOs?|part(?:y|ies)|newspapers?|channels?|magazines?|weekl(?:y|ies)|websites?|radio|stations?)\b
example suspension of its activity for up to three months. => suspension 3 months
example The activity of the centre was suspended for three months after an inspection. => suspension 3 months
example The activity of a public association may be suspended by a court for a period of three to six months. => suspension 3-6 months
example A regional court suspended the weekly for two months. => suspension 2 months
example The regulator suspends the broadcasting of the station for up to six months. => suspension 6 months
not The negotiations were suspended until September.
not The union suspended the strike for a week.

rule en.closure
kind penalty
label closure
lang en
regex (?i)(?<m>\bclosure\b(?=\s+of\s+(?:the\s+|its\s+)?(?:outlet|media|newspaper|channel|website|organi[sz]ation|association|office|publication|mass\s+media))|\bclosed\s+(?:down\s+)?by\s+(?:a\s+)?court|\b(?:closed|shut)\s+down\b)
example revocation of the broadcasting licence and closure of the outlet. => license-revocation; closure
example A weekly newspaper was closed by a court decision. => closure
not The square would be closed for repairs for ten days.
not The case was closed.

rule en.confiscation
kind penalty
label confiscation
lang en
regex (?i)(?<m>\bconfiscat(?:ion|ed|e|ing)\b)
example with confiscation of the materials. => confiscation

rule en.license-revocation
kind penalty
label license-revocation
lang en
regex (?iJ)(?<m>\b(?:revocation|revoking|withdrawal|deprivation|cancell?ation|annulment)\s+of\s+(?:the\s+|its\s+|a\s+)?(?:[\w-]+\s+)?licen[cs]e)
  |(?<m>\blicen[cs]es?\b(?:\s+\S+){0,3}?\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+|is\s+)?(?:revoked|withdrawn|annulled|cancell?ed))
  |(?<m>\b(?:revoked|withdrew|annulled|cancell?ed)\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,3}?licen[cs]es?\b)
  |(?<m>\b(?:strip(?:ped|s|ping)?|depriv(?:ed|es|e|ing))\s+(?:[\w'-]+\s+){0,4}?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+)?(?:[\w-]+\s+){0,2}?licen[cs]es?\b)
example a fine of 500 MCI and deprivation of the licence. => fine 500 MCI; license-revocation
example In March the ministry revoked the license of a regional channel. => license-revocation
example A channel whose licence has been revoked may not resume broadcasting. => license-revocation
not The ministry issued a licence to the channel.
example The regulator stripped two radio stations of their licences. => license-revocation
example The clinic was deprived of its medical license. => license-revocation
not The reform stripped the governors of their power to appoint judges.

rule en.imprisonment
kind penalty
label imprisonment
lang en
side after
units years months
regex (?i)(?<m>\bimprisonment\b|\bdeprivation\s+of\s+liberty\b|\b(?:prison|jail)\s+(?:term|sentence)s?\b|\bin\s+(?:prison|jail)\b|\bin\s+a\s+penal\s+colony\b|\bjailed\b|\bimprisoned\b|\bbehind\s+bars\b)
example or by imprisonment for two to seven years. => imprisonment 2-7 years
example The blogger was sentenced to five years' imprisonment. => imprisonment 5 years
example He received seven years of imprisonment. => imprisonment 7 years
example She received a five-year prison sentence. => imprisonment 5 years
example He was jailed for four years. => imprisonment 4 years
example shall be punishable by restriction of freedom for up to five years or imprisonment for the same term. => imprisonment 5 years
example punishable by a fine of up to 1,000 MCI or restriction of freedom for up to four years, or imprisonment for the same period. => fine 1000 MCI; imprisonment 4 years
example The editor got a two-year suspended prison sentence. => imprisonment 2 years
example He was given five years' conditional imprisonment. => imprisonment 5 years

rule en.disqualification
kind penalty
label disqualification
lang en
side after
units years months
regex (?i)(?<m>\bdisqualif(?:ication|ied)\b|\b(?:ban|prohibition)\s+on\s+holding\s+(?:\w+\s+)?(?:office|offices|positions?|posts?)\b|\bdeprivation\s+of\s+the\s+right\s+to\s+(?:hold|occupy|engage))
example with disqualification from holding certain positions for up to three years. => disqualification 3 years
example He was disqualified from working in the media for two years. => disqualification 2 years
example with a ban on holding public office for five years. => disqualification 5 years

rule en.community-service
kind penalty
label community-service
lang en
side after
units hours
regex (?i)(?<m>\bcommunity\s+service\b|\bpublic\s+works\b|\bcompulsory\s+(?:community\s+)?(?:work|labou?r)\b)
example by community service for up to 1,200 hours. => community-service 1200 hours
example ordered to perform one hundred hours of community service. => community-service 100 hours
example sentenced to community service of 240 hours each. => community-service 240 hours
