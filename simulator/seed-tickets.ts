// Demo tickets, oldest first so that ids rise with dateoccurred as they do
// in a real tenant. `opened` and `updated` are days before the simulator
// started; the status and priority ids are explained in seed.ts.

export interface SeedTicket {
  user: number
  status: number
  priority: number
  type: 'incident' | 'request'
  opened: number
  updated: number
  summary: string
  details: string
}

export const seedTickets: SeedTicket[] = [
  {
    user: 202,
    status: 9,
    priority: 3,
    type: 'incident',
    opened: 59.2,
    updated: 57.0,
    summary: 'Reception printer jams on every second page',
    details:
      'The LaserJet at the front desk jams halfway through printing ' +
      'appointment letters. We have cleared the tray and tried new paper.',
  },
  {
    user: 211,
    status: 9,
    priority: 2,
    type: 'incident',
    opened: 57.6,
    updated: 55.1,
    summary: 'VPN drops every 10 minutes when working from home',
    details:
      'Since Monday the VPN disconnects about every ten minutes and I have ' +
      'to sign in again. Happens on home broadband and on my phone hotspot.',
  },
  {
    user: 201,
    status: 9,
    priority: 3,
    type: 'request',
    opened: 55.3,
    updated: 54.9,
    summary: 'New starter laptop for dental nurse, starting Monday',
    details:
      'Jess Turner joins as a dental nurse on Monday. She needs a laptop, ' +
      'an email account and access to the practice management system.',
  },
  {
    user: 212,
    status: 9,
    priority: 2,
    type: 'incident',
    opened: 53.8,
    updated: 50.2,
    summary: 'Shared mailbox "dispatch" is full',
    details:
      'Drivers say their emails to dispatch@ bounce with "mailbox full". ' +
      'Can you archive the old mail or give the mailbox more space?',
  },
  {
    user: 203,
    status: 9,
    priority: 2,
    type: 'incident',
    opened: 51.0,
    updated: 49.7,
    summary: 'MFA reset needed after losing my phone',
    details:
      'I lost my phone at the weekend and cannot approve sign-ins. I have ' +
      'a new phone with the same number. Please reset my MFA methods.',
  },
  {
    user: 213,
    status: 8,
    priority: 2,
    type: 'incident',
    opened: 48.4,
    updated: 46.0,
    summary: 'Label printer in the warehouse shows offline',
    details:
      'The Zebra printer on packing bench 2 shows offline on every PC. ' +
      'It has power and the network light is on. Orders are queuing up.',
  },
  {
    user: 204,
    status: 9,
    priority: 3,
    type: 'request',
    opened: 46.2,
    updated: 41.5,
    summary: 'Add a new receptionist to the practice management software',
    details:
      'Please create a login for Sam Reid (reception) with the same ' +
      'permissions as the other receptionists.',
  },
  {
    user: 211,
    status: 8,
    priority: 3,
    type: 'incident',
    opened: 44.9,
    updated: 44.1,
    summary: 'PDF invoices will not open from Outlook',
    details:
      'Double-clicking a PDF attachment in Outlook does nothing. Saving it ' +
      "to the desktop first works. Started after last week's update.",
  },
  {
    user: 202,
    status: 8,
    priority: 2,
    type: 'incident',
    opened: 42.5,
    updated: 40.3,
    summary: 'X-ray workstation very slow after Windows update',
    details:
      'The imaging PC in surgery 1 takes five minutes to start and the ' +
      'X-ray viewer freezes when opening images. Patients are waiting.',
  },
  {
    user: 212,
    status: 9,
    priority: 3,
    type: 'request',
    opened: 40.1,
    updated: 37.8,
    summary: 'Leaver: disable account for warehouse supervisor',
    details:
      'Mark Ellis leaves on Friday. Please disable his account at 5pm, ' +
      'forward his email to me and collect his laptop.',
  },
  {
    user: 201,
    status: 8,
    priority: 3,
    type: 'incident',
    opened: 38.7,
    updated: 36.0,
    summary: 'Wi-Fi in surgery 3 keeps disconnecting',
    details:
      'The tablet and laptop in surgery 3 lose Wi-Fi several times an ' +
      'hour. Other rooms seem fine.',
  },
  {
    user: 213,
    status: 4,
    priority: 2,
    type: 'incident',
    opened: 36.3,
    updated: 34.9,
    summary: 'Handheld scanners not syncing with the warehouse system',
    details:
      'Picks scanned on the handhelds do not appear in the WMS until the ' +
      'end of the shift. The WMS vendor needs to look at their sync service.',
  },
  {
    user: 203,
    status: 8,
    priority: 3,
    type: 'incident',
    opened: 34.0,
    updated: 33.2,
    summary: 'Password expired and locked out of email',
    details:
      'My password expired this morning and after trying to change it I ' +
      'am locked out of email on both my PC and phone.',
  },
  {
    user: 211,
    status: 8,
    priority: 3,
    type: 'incident',
    opened: 31.6,
    updated: 28.4,
    summary: 'Teams calls drop audio in the meeting room',
    details:
      'In the main meeting room, remote people stop hearing us after a ' +
      'few minutes of a Teams call. Laptops on their own are fine.',
  },
  {
    user: 204,
    status: 4,
    priority: 2,
    type: 'incident',
    opened: 29.2,
    updated: 26.5,
    summary: 'Card terminal at reception rejects contactless payments',
    details:
      'Chip and PIN works but every contactless payment is declined. ' +
      'Logged with the payment provider, waiting for their engineer.',
  },
  {
    user: 212,
    status: 3,
    priority: 4,
    type: 'request',
    opened: 27.5,
    updated: 25.0,
    summary: 'Second monitor for the dispatch desk',
    details:
      'Could we get a second screen for the dispatch desk so the route ' +
      'planner and email can be open side by side?',
  },
  {
    user: 202,
    status: 3,
    priority: 3,
    type: 'incident',
    opened: 25.1,
    updated: 23.8,
    summary: 'Scanned referral letters not arriving by email',
    details:
      'The copier says "sent" when we scan referral letters to email, but ' +
      'nothing arrives. Scanning to the USB stick still works.',
  },
  {
    user: 213,
    status: 2,
    priority: 2,
    type: 'incident',
    opened: 23.4,
    updated: 20.2,
    summary: 'Nightly backup failing on the file server',
    details:
      'The backup report has shown "failed" for three nights running for ' +
      'the file server. The other servers back up normally.',
  },
  {
    user: 201,
    status: 3,
    priority: 3,
    type: 'request',
    opened: 21.0,
    updated: 19.6,
    summary: 'New starter: hygienist joining on the 1st',
    details:
      'Our new hygienist, Olivia Grant, starts on the 1st. She needs a ' +
      'laptop, email and access to the imaging software.',
  },
  {
    user: 211,
    status: 4,
    priority: 1,
    type: 'incident',
    opened: 18.8,
    updated: 15.1,
    summary: 'Broadband outage at the distribution centre',
    details:
      'No internet at the distribution centre since 7am. The router shows ' +
      'a red light. We are tethering to phones to print labels.',
  },
  {
    user: 203,
    status: 2,
    priority: 3,
    type: 'incident',
    opened: 16.5,
    updated: 14.0,
    summary: 'OneDrive not syncing the patient forms folder',
    details:
      'OneDrive shows a red cross on the Patient Forms folder and new ' +
      'forms saved on one PC do not appear on the others.',
  },
  {
    user: 201,
    status: 8,
    priority: 2,
    type: 'incident',
    opened: 14.2,
    updated: 13.5,
    summary: 'Suspicious email reported: please check',
    details:
      'Two of us received an email "from the bank" asking us to confirm ' +
      'card details. Nobody clicked the link. Is our account safe?',
  },
  {
    user: 204,
    status: 2,
    priority: 3,
    type: 'request',
    opened: 12.0,
    updated: 9.4,
    summary: 'Forward email while the practice manager is on leave',
    details:
      "Please forward the practice manager's email to me from Friday for " +
      'two weeks and set an out-of-office reply.',
  },
  {
    user: 213,
    status: 3,
    priority: 3,
    type: 'incident',
    opened: 9.7,
    updated: 8.9,
    summary: 'Shipping label software asks for a licence key',
    details:
      'The courier label software on the despatch PC now asks for a ' +
      'licence key when it starts. Which key should we use?',
  },
  {
    user: 202,
    status: 2,
    priority: 2,
    type: 'incident',
    opened: 7.5,
    updated: 5.2,
    summary: 'Mailbox full: cannot send email',
    details:
      'Outlook says my mailbox is full and I cannot send anything. I have ' +
      'emptied Deleted Items but it is still over the limit.',
  },
  {
    user: 201,
    status: 2,
    priority: 3,
    type: 'incident',
    opened: 5.3,
    updated: 4.6,
    summary: 'MFA prompts not arriving on new phone',
    details:
      'I moved the Authenticator app to my new phone but sign-in requests ' +
      'never show up. The old phone has been reset.',
  },
  {
    user: 211,
    status: 1,
    priority: 2,
    type: 'incident',
    opened: 3.9,
    updated: 3.1,
    summary: 'VPN client asks for a certificate after update',
    details:
      'After the VPN client updated itself it says "no valid certificate ' +
      'found" and will not connect.',
  },
  {
    user: 203,
    status: 1,
    priority: 3,
    type: 'incident',
    opened: 2.4,
    updated: 2.0,
    summary: 'Printer in surgery 2 prints blank pages',
    details:
      'Everything sent to the surgery 2 printer comes out blank. The ' +
      'toner was replaced last week.',
  },
  {
    user: 212,
    status: 1,
    priority: 3,
    type: 'request',
    opened: 1.2,
    updated: 0.9,
    summary: 'New starter laptop for a transport planner',
    details:
      'Chris Patel joins the transport team in two weeks. He needs a ' +
      'laptop with the route planning software and a headset.',
  },
  {
    user: 204,
    status: 1,
    priority: 3,
    type: 'incident',
    opened: 0.3,
    updated: 0.2,
    summary: 'Outlook keeps asking for my password',
    details:
      'Outlook pops up a password box every few minutes even though I ' +
      'type the right password. Webmail works fine.',
  },
]
