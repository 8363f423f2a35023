/**
 * Hand-labelled alignments for two of the demo newsstand's stories (the
 * articles are the project's own fiction, under src/demo/site). Each fact
 * lists, per outlet folder, fragments of the sentences that state it; two
 * sentences of different outlets that state one fact should be aligned.
 * Labelled by reading the articles: a sentence stating two facts appears
 * under both. The fare story was used while tuning; the Brackenmoor story
 * was labelled before tuning and only measured; the Fennick Falls story was
 * labelled after tuning and never tuned on.
 */
export interface GoldStory {
  event: string;
  role: 'tune' | 'check';
  facts: Record<string, string[]>[];
}

export const GOLD: GoldStory[] = [
  {
    event: 'quillhaven-fare-vote',
    role: 'tune',
    facts: [
      { 'civic-bulletin': ['the council voted 7-4'], 'harbor-ledger': ['voted 7-4 late Tuesday'], 'kestrel-courier': ['approved the increases 7-4'], 'meridian-wire': ['voted 7-4 on Tuesday'] },
      { 'civic-bulletin': ['from $2.25 to $2.75.'], 'harbor-ledger': ['The base fare will rise'], 'kestrel-courier': ['which will rise from $2.25'], 'meridian-wire': ['by 50 cents to $2.75'] },
      { 'harbor-ledger': ['cost 50 cents more'], 'meridian-wire': ['by 50 cents to $2.75'] },
      { 'harbor-ledger': ['The base fare will rise'], 'meridian-wire': ['monthly pass will rise'] },
      { 'civic-bulletin': ['For nearly five hours', 'More than 70 people spoke', 'Only a handful spoke'], 'harbor-ledger': ['62 residents testified', 'Of the 62 people', 'after nearly five hours'], 'meridian-wire': ['Dozens of residents spoke'] },
      { 'civic-bulletin': ['take effect Jan. 11'], 'harbor-ledger': ['cost 50 cents more'], 'meridian-wire': ['which takes effect in January'] },
      { 'civic-bulletin': ['bring in about $4.1 million'], 'harbor-ledger': ['bring in about $4.1 million'], 'meridian-wire': ['raise roughly $4 million'] },
      { 'harbor-ledger': ['$11.2 million hole', '$11.2 million operating deficit'], 'meridian-wire': ['shortfall of about $12 million'], 'kestrel-courier': ['close a deficit at the transit'] },
      { 'civic-bulletin': ['expected to sign the ordinance'], 'meridian-wire': ['she would sign the ordinance'] },
      { 'civic-bulletin': ['expand eligibility for the reduced'], 'harbor-ledger': ['expanded the Fair Fare discount', 'household incomes below 200 percent'], 'kestrel-courier': ["expanded QAT's discounted fare"], 'meridian-wire': ['widen eligibility for a discounted'] },
      { 'harbor-ledger': ['last raised in 2015'], 'meridian-wire': ['last raised its transit fare in 2015'] },
      { 'harbor-ledger': ['ridership had recovered'], 'meridian-wire': ['roughly 80% of its total'] },
      { 'harbor-ledger': ['run out of ways to postpone'], 'kestrel-courier': ['increase was needed to close'] },
      { 'harbor-ledger': ['between a fare increase and cutting', 'not willing to cut the buses'], 'meridian-wire': ['alternative was deeper service cuts'] },
      { 'harbor-ledger': ['who led the opposition', 'least room in theirs'], 'kestrel-courier': ['Opponents, led by Councillor'], 'meridian-wire': ['a tax on people'] },
      { 'kestrel-courier': ['federal pandemic relief money ran out'], 'meridian-wire': ['federal relief funds', 'relief money bought us time'] },
    ],
  },
  {
    event: 'brackenmoor-plant-fire',
    role: 'check',
    facts: [
      { 'harbor-ledger': ['tore through a plastics recycling plant'], 'meridian-wire': ['A large fire broke out'], 'kestrel-courier': ['burned through a storage building', "burned through the plant's outdoor"] },
      { 'civic-bulletin': ['More than 300 residents'], 'harbor-ledger': ['forced 340 residents', 'Police went door to door', 'About 340 people were evacuated'], 'kestrel-courier': ['Roughly 150 households'], 'meridian-wire': ['evacuate about 400 people', 'The evacuation order covered'] },
      { 'harbor-ledger': ['column of black smoke'], 'meridian-wire': ['Thick black smoke drifted'], 'kestrel-courier': ['smoke spread over the Quill'] },
      { 'harbor-ledger': ['reported at 11:40'], 'meridian-wire': ['first reported in an emergency call'], 'kestrel-courier': ['reported just before midnight'] },
      { 'harbor-ledger': ['Crews from 11 departments', 'More than 90 firefighters'], 'meridian-wire': ['About 75 firefighters'], 'kestrel-courier': ['crews from across Orrin County'] },
      { 'harbor-ledger': ['under control at 4:15'], 'meridian-wire': ['brought under control shortly'] },
      { 'harbor-ledger': ['Two firefighters were treated'], 'kestrel-courier': ['two firefighters were treated'], 'meridian-wire': ['One firefighter was treated'] },
      { 'harbor-ledger': ['nobody on that night shift was hurt', 'all 14 employees'], 'kestrel-courier': ['No plant workers were hurt', 'night shift got out safely'], 'meridian-wire': ['No other injuries', '12 workers were on the night shift'] },
      { 'harbor-ledger': ['at least $8 million'], 'meridian-wire': ['loss at approximately $12 million'] },
      { 'civic-bulletin': ['has not determined a cause'], 'harbor-ledger': ['called in to determine the cause'], 'kestrel-courier': ['under investigation by the state fire'], 'meridian-wire': ['is investigating the cause'] },
      { 'civic-bulletin': ['since 2009'], 'harbor-ledger': ['since 2009'], 'meridian-wire': ['since 2009'] },
      { 'civic-bulletin': ['It shreds and melts'], 'harbor-ledger': ['since 2009'], 'meridian-wire': ['processes used plastic film'] },
      { 'kestrel-courier': ['employs about 190'], 'meridian-wire': ['employs about 210'] },
      { 'civic-bulletin': ['allowed to return'], 'harbor-ledger': ['no one would be allowed back'] },
      { 'civic-bulletin': ['shelter-in-place advisory'], 'harbor-ledger': ['keep their windows shut'], 'meridian-wire': ['monitoring air quality'] },
      { 'civic-bulletin': ['whether the way material was stored'], 'meridian-wire': ['how the material was stored'] },
      { 'civic-bulletin': ['same yard where', 'began in the same north yard'], 'harbor-ledger': ['north storage yard'], 'kestrel-courier': ["burned through the plant's outdoor"] },
    ],
  },
  {
    event: 'fennick-falls-plant-fire',
    role: 'check',
    facts: [
      { 'harbor-ledger': ['warehouse is a loss', "started in the mill's finished-goods"], 'kestrel-courier': ['Fire tore through the finished-goods'], 'meridian-wire': ['A fire swept through a warehouse'] },
      { 'harbor-ledger': ['About 50 workers'], 'kestrel-courier': ['All 64 workers'], 'meridian-wire': ['forcing about 60 workers', 'No mill workers were hurt', 'all of our team members are safe'] },
      { 'harbor-ledger': ['About 50 workers'], 'kestrel-courier': ['Fire tore through the finished-goods'], 'meridian-wire': ['forcing about 60 workers', 'evacuation order for homes'] },
      { 'harbor-ledger': ['One firefighter was hurt'], 'kestrel-courier': ['firefighter broke his wrist'], 'meridian-wire': ['One firefighter suffered', 'forcing about 60 workers'] },
      { 'harbor-ledger': ['paper machines, housed'], 'kestrel-courier': ["houses the mill's two paper machines"] },
      { 'harbor-ledger': ['Dorrance employs 175'], 'kestrel-courier': ['Dorrance employs about 180'], 'meridian-wire': ['mill employs about 180'] },
      { 'harbor-ledger': ['since just after the Second World War'], 'meridian-wire': ['founded in 1946'] },
      { 'harbor-ledger': ['workers would continue to be paid'], 'kestrel-courier': ['all employees would be paid'] },
      { 'harbor-ledger': ['"packed tight"'], 'kestrel-courier': ['packed tight to the ceiling'] },
      { 'harbor-ledger': ['under investigation by the state fire'], 'kestrel-courier': ['begin investigating the cause'], 'meridian-wire': ['will investigate the cause'] },
      { 'harbor-ledger': ['monitoring runoff'], 'meridian-wire': ['Runoff from the firefighting effort'] },
      { 'harbor-ledger': ['shortly after 2 p.m.'], 'kestrel-courier': ['first call came in at 2:14'], 'meridian-wire': ['broke out at about 2:15'] },
      { 'kestrel-courier': ['Seven departments answered'], 'meridian-wire': ['Crews from six fire departments'] },
      { 'kestrel-courier': ['declared under control at about 7', 'keeping it out of the main mill'], 'meridian-wire': ['contained to the warehouse', "We've got it boxed in"] },
      { 'kestrel-courier': ['Around 20 people had gone to a shelter'], 'meridian-wire': ['A shelter was opened'] },
      { 'kestrel-courier': ['allowed back into their homes'], 'meridian-wire': ['evacuation order for homes'] },
    ],
  },
];
